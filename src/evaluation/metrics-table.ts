import type { EvaluationMetrics } from './evaluate-model.ts';
import type { ProtocolName } from './protocol-result.ts';

/** A table as summaries carry it; the UI renders any summary `table`. */
export interface SummaryTable {
  columns: string[];
  rows: (string | number)[][];
}

/** Short column labels of the protocols: `own` = test-items, `full` = catalogue. */
export const PROTOCOL_LABELS: Record<ProtocolName, string> = {
  'test-items': 'own',
  catalogue: 'full',
};

/** The metric columns shared by the evaluation summary and the results report. */
export function metricColumns(k: number): string[] {
  const ranking = Object.values(PROTOCOL_LABELS).flatMap((label) =>
    ['P', 'R', 'NDCG'].map((metric) => `${metric}@${k} ${label}`));
  return ['MSE', 'RMSE', 'MAE', ...ranking];
}

/** The metric values of one evaluation, in metricColumns order (null: not applicable). */
export function metricValues(metrics: EvaluationMetrics): (number | null)[] {
  const ranking = (Object.keys(PROTOCOL_LABELS) as ProtocolName[]).flatMap((name) => {
    const result = metrics.protocols[name];
    return [result.precision, result.recall, result.ndcg];
  });
  return [metrics.mse, metrics.rmse, metrics.mae, ...ranking];
}

/** One row per evaluation: split, model, the metrics, test ratings and cold-start pairs. */
export function metricsTable(evaluations: EvaluationMetrics[]): SummaryTable {
  const k = evaluations[0]?.protocols['test-items'].k ?? 10;
  return {
    columns: ['split', 'model', ...metricColumns(k), 'test ratings', 'cold-start'],
    rows: evaluations.map((metrics) => [
      metrics.split,
      metrics.model,
      ...metricValues(metrics).map(formatMetric),
      metrics.testRatings,
      metrics.coldStartPairs,
    ]),
  };
}

/** Four decimals, '-' where a metric does not apply (rating error of ranking-only models). */
export function formatMetric(value: number | null): string | number {
  if (value === null || Number.isNaN(value)) return '-';
  return Math.round(value * 10000) / 10000;
}

/** Always four decimals, for documents where columns should line up; '-' when absent. */
export function formatFixed(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  return value.toFixed(4);
}
