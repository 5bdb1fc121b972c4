import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { csvText } from './csv-text.ts';
import type { ExploreAnalysis } from './explore-analysis.ts';
import { htmlReport } from './html-report.ts';
import { markdownReport } from './markdown-report.ts';
import { renderPng } from './render-png.ts';
import { reportCharts } from './report-charts.ts';
import { reportDocument } from './report-document.ts';
import { reportTables } from './report-tables.ts';

/** What writeReport wrote, relative to the report directory. */
export interface WrittenReport {
  charts: string[];
  tables: string[];
  documents: string[];
}

/**
 * Writes the whole report into `directory`: every chart as SVG and PNG, every table as CSV
 * and JSON, analysis.json, report.md and report.html. Rendering the PNGs takes most of the
 * time, so `progress` is told after each chart.
 */
export async function writeReport(
  analysis: ExploreAnalysis,
  directory: string,
  progress: (chartsDone: number, charts: number) => void = () => {},
): Promise<WrittenReport> {
  const charts = reportCharts(analysis);
  const tables = reportTables(analysis);
  const written: WrittenReport = { charts: [], tables: [], documents: [] };

  for (const chart of charts) {
    await writeFile(path.join(directory, `${chart.name}.svg`), chart.svg);
    await writeFile(path.join(directory, `${chart.name}.png`), renderPng(chart.svg));
    written.charts.push(`${chart.name}.svg`, `${chart.name}.png`);
    progress(written.charts.length / 2, charts.length);
  }

  for (const [name, table] of Object.entries(tables)) {
    const rows = table.rows.map((row) =>
      Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null])));
    await writeFile(path.join(directory, `${name}.csv`), csvText(table.columns, rows));
    await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
    written.tables.push(`${name}.csv`, `${name}.json`);
  }

  const blocks = reportDocument(analysis, charts, tables);
  await writeFile(path.join(directory, 'report.md'), markdownReport(blocks));
  await writeFile(path.join(directory, 'report.html'), htmlReport(blocks));
  await writeFile(path.join(directory, 'analysis.json'), `${JSON.stringify(analysis, null, 2)}\n`);
  written.documents.push('report.md', 'report.html', 'analysis.json');
  return written;
}
