import type { SummaryTable } from './metrics-table.ts';

/** A GitHub-flavoured Markdown table; text columns left-aligned, numbers right-aligned. */
export function markdownTable(table: SummaryTable): string {
  const numeric = table.columns.map((_, column) =>
    table.rows.some((row) => typeof row[column] === 'number'));
  const escape = (cell: string | number) => String(cell).replaceAll('|', '\\|');

  const lines = [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `|${numeric.map((right) => (right ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}
