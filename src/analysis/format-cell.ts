import type { RowTable } from './first-rows.ts';
import { formatNumber, formatPercent } from './format-number.ts';

/** A table cell as the report shows it: counts grouped, decimals to two places, shares in %. */
export function formatCell(table: RowTable, column: string, value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value !== 'number') return String(value);

  switch (table.formats?.[column]) {
    case 'count':
      return formatNumber(value);
    case 'decimal':
      return formatNumber(value, 2);
    case 'percent':
      return formatPercent(value, 1);
    default:
      return String(value);
  }
}
