import type { ResultTable } from './find-tables.ts';

/** Numbers in a table show at most this many decimals. */
const MAX_DECIMALS = 4;

/**
 * A table as aligned plain-text lines: a header, a rule, then one line per row. A column of
 * numbers is right-aligned with the same number of decimals on every row; text is
 * left-aligned.
 */
export function tableText(table: ResultTable): string[] {
  const count = table.columns.length;
  const numeric = range(count).map((i) =>
    table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number'));
  const decimals = range(count).map((i) =>
    numeric[i] ? Math.max(...table.rows.map((row) => decimalsOf(row[i] as number))) : 0);

  const cells = table.rows.map((row) => range(count).map((i) => cellText(row[i], decimals[i])));
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => row[i].length)));

  const line = (values: string[]) => values
    .map((value, i) => (numeric[i] ? value.padStart(widths[i]) : value.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(table.columns), rule, ...cells.map(line)];
}

function cellText(value: string | number | undefined, decimals: number): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.toFixed(decimals);
}

function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const rounded = String(Number(value.toFixed(MAX_DECIMALS)));
  const point = rounded.indexOf('.');
  return point < 0 || rounded.includes('e') ? 0 : rounded.length - point - 1;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
