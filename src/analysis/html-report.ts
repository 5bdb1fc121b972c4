import type { RowTable } from './first-rows.ts';
import { formatCell } from './format-cell.ts';
import type { ReportBlock } from './report-document.ts';
import { escapeXml } from './svg-elements.ts';

const style = `
body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; color: #1f2328;
  max-width: 1100px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #e6e8eb; padding: 0.25rem 0.6rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.file { color: #57606a; font-size: 0.85rem; }
`;

/** A self-contained HTML page: the SVG charts are inlined, nothing is fetched. */
export function htmlReport(blocks: ReportBlock[]): string {
  const title = blocks.find((block) => block.kind === 'heading')?.text ?? 'Report';
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>${style}</style>`,
    '</head>',
    '<body>',
    ...blocks.map(htmlBlock),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function htmlBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeXml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeXml(block.text)}</p>`;
    case 'table':
      return htmlTable(block.table, block.file);
    case 'chart':
      return `<figure id="${block.chart.name}">\n${block.chart.svg}</figure>`;
  }
}

export function htmlTable(table: RowTable, file?: string): string {
  const numeric = new Set(table.columns.filter((column) =>
    table.rows.some((row) => typeof row[column] === 'number')));
  const head = table.columns.map((column) => `<th>${escapeXml(column)}</th>`).join('');
  const body = table.rows.map((row) => {
    const cells = table.columns.map((column) => {
      const kind = numeric.has(column) ? ' class="number"' : '';
      return `<td${kind}>${escapeXml(formatCell(table, column, row[column]))}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const link = file ? `\n<p class="file">Data: <a href="${escapeXml(file)}">${escapeXml(file)}` +
    '</a></p>' : '';
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n` +
    `</table>${link}`;
}
