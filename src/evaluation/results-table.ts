import { formatFixed, metricValues, type SummaryTable } from './metrics-table.ts';
import type { AggregateRow, ResultsSummary } from './results-summary.ts';

/**
 * The results as one table for the terminal and the summary: a row per split and model,
 * then per group of splits a row per model whose cells read "mean ± std".
 */
export function resultsTable(summary: ResultsSummary): SummaryTable {
  const perSplit = summary.evaluations.map((evaluation) => {
    // Text like the "mean ± std" cells below, so a column is formatted one way throughout.
    const cells = metricValues(evaluation).map(formatFixed);
    return [evaluation.split, evaluation.model, ...cells, evaluation.coldStartPairs];
  });
  const aggregated = summary.aggregates.map((row) =>
    [`${row.group} (${row.splits.length})`, row.model, ...aggregateCells(row), '']);

  return {
    columns: ['split', 'model', ...summary.metrics, 'cold-start'],
    rows: [...perSplit, ...aggregated],
  };
}

/** Per group, a row per model of "mean ± std" cells, for the Markdown report. */
export function aggregateTable(summary: ResultsSummary, group: string): SummaryTable {
  const rows = summary.aggregates.filter((row) => row.group === group);
  return {
    columns: ['model', 'splits', ...summary.metrics],
    rows: rows.map((row) => [row.model, row.splits.length, ...aggregateCells(row)]),
  };
}

export function aggregateCells(row: AggregateRow): (string | number)[] {
  return row.mean.map((mean, column) => {
    const std = row.std[column];
    if (mean === null) return '-';
    if (std === null) return formatFixed(mean);
    return `${mean.toFixed(4)} ± ${std.toFixed(4)}`;
  });
}
