import type { ColumnTable } from 'arquero';

export interface ValueCount {
  value: string;
  count: number;
}

/** How often each non-empty value of a column occurs, most frequent first (ties by value). */
export function valueCounts(table: ColumnTable, column: string): ValueCount[] {
  const counts = new Map<string, number>();
  const values = table.array(column) as ArrayLike<unknown>;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value == null || value === '') continue;
    const key = String(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
