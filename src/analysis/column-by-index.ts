import type { ColumnTable } from 'arquero';

/**
 * A column laid out by dense index: result[index] is the value on the row whose
 * `indexColumn` holds that index. Does not rely on the file being sorted by index.
 */
export function columnByIndex<T>(table: ColumnTable, indexColumn: string, column: string): T[] {
  const indices = table.array(indexColumn) as ArrayLike<number>;
  const values = table.array(column) as ArrayLike<T>;
  const result: T[] = [];
  for (let row = 0; row < indices.length; row++) result[indices[row]] = values[row];
  return result;
}
