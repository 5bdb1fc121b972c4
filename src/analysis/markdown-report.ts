import type { RowTable } from './first-rows.ts';
import { formatCell } from './format-cell.ts';
import type { ReportBlock } from './report-document.ts';

/** The report as Markdown: tables as pipe tables, charts as links to their PNG files. */
export function markdownReport(blocks: ReportBlock[]): string {
  return `${blocks.map(markdownBlock).join('\n\n')}\n`;
}

function markdownBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'table':
      return markdownTable(block.table);
    case 'chart':
      return `![${escapeMarkdown(block.chart.title)}](${block.chart.name}.png)`;
  }
}

/** A pipe table; numeric columns are right-aligned. */
export function markdownTable(table: RowTable): string {
  const numeric = table.columns.map((column) =>
    table.rows.some((row) => typeof row[column] === 'number'));
  const header = `| ${table.columns.map(escapeCell).join(' | ')} |`;
  const rule = `|${numeric.map((right) => (right ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((row) =>
    `| ${table.columns.map((column) => escapeCell(formatCell(table, column, row[column])))
      .join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/** Titles such as "Dr. Strangelove or: ..." and "Star Wars (1977)" are safe; `|`, `*`, `_` not. */
function escapeCell(text: string): string {
  return escapeMarkdown(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (character) => `\\${character}`);
}
