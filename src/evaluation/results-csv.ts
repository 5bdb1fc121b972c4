import { csvField } from '../data/csv-field.ts';
import type { ResultsSummary } from './results-summary.ts';
import { metricValues } from './metrics-table.ts';

/**
 * results.csv: one row per split and model (`row` = split), then per group of splits and
 * model a `mean` and a `std` row. Full precision; empty cells where a metric does not apply.
 */
export function resultsCsv(summary: ResultsSummary): string {
  const header = ['row', 'group', 'split', 'model', ...summary.metrics, 'testRatings',
    'coldStartPairs'];
  const lines: (string | number | null)[][] = summary.evaluations.map((evaluation) => [
    'split', '', evaluation.split, evaluation.model, ...metricValues(evaluation),
    evaluation.testRatings, evaluation.coldStartPairs,
  ]);

  for (const row of summary.aggregates) {
    const splits = row.splits.join(' ');
    lines.push(['mean', row.group, splits, row.model, ...row.mean, null, null]);
    lines.push(['std', row.group, splits, row.model, ...row.std, null, null]);
  }
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\n') + '\n';
}
