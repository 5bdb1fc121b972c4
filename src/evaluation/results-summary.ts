import type { EvaluationMetrics } from './evaluate-model.ts';
import { meanAndStd } from './mean-and-std.ts';
import { metricColumns, metricValues } from './metrics-table.ts';
import { modelType } from './variant-labels.ts';

/** The reference rows, listed after the trained models in every table. */
export const REFERENCE_MODELS = ['bias', 'popular'] as const;

/** The five disjoint folds of MovieLens 100K, over which the project's targets are stated. */
export const FIVE_FOLDS = ['u1', 'u2', 'u3', 'u4', 'u5'];

/** One model's metrics over a group of splits: the mean and sample std of each metric. */
export interface AggregateRow {
  /** 'all' (every split evaluated) or 'u1-u5' (the five disjoint folds). */
  group: string;
  model: string;
  splits: string[];
  mean: (number | null)[];
  std: (number | null)[];
}

export interface ResultsSummary {
  /** Names of the metric columns, in the order of every values array. */
  metrics: string[];
  splits: string[];
  models: string[];
  evaluations: EvaluationMetrics[];
  aggregates: AggregateRow[];
}

/**
 * Orders the evaluations (by model, then split) and aggregates each model over splits. A row
 * is an evaluation's `model` as given: label several trainings of one type apart first
 * (`labelVariants`), as the results report does.
 */
export function summariseResults(evaluations: EvaluationMetrics[]): ResultsSummary {
  const models = orderModels(evaluations.map((evaluation) => evaluation.model));
  const splits = [...new Set(evaluations.map((evaluation) => evaluation.split))].sort();
  const ordered = [...evaluations].sort((a, b) =>
    models.indexOf(a.model) - models.indexOf(b.model) || a.split.localeCompare(b.split));

  const aggregates: AggregateRow[] = [];
  for (const [group, members] of splitGroups(splits)) {
    for (const model of models) {
      const rows = ordered.filter((row) => row.model === model && members.includes(row.split));
      if (rows.length > 0) aggregates.push(aggregate(group, model, rows));
    }
  }

  const k = evaluations[0]?.protocols['test-items'].k ?? 10;
  return { metrics: metricColumns(k), splits, models, evaluations: ordered, aggregates };
}

/** Trained models in order of first appearance, then the reference rows. */
function orderModels(names: string[]): string[] {
  const unique = [...new Set(names)];
  const reference = (name: string) => REFERENCE_MODELS.indexOf(modelType(name) as never);
  const references = unique.filter((name) => reference(name) >= 0)
    .sort((a, b) => reference(a) - reference(b));
  return [...unique.filter((name) => reference(name) < 0), ...references];
}

/** Always every split; also u1..u5 alone when they are all there among other splits. */
function splitGroups(splits: string[]): [string, string[]][] {
  const groups: [string, string[]][] = [['all', splits]];
  const hasFolds = FIVE_FOLDS.every((fold) => splits.includes(fold));
  if (hasFolds && splits.length > FIVE_FOLDS.length) groups.push(['u1-u5', FIVE_FOLDS]);
  return groups;
}

function aggregate(group: string, model: string, rows: EvaluationMetrics[]): AggregateRow {
  const values = rows.map(metricValues);
  const columns = values[0].map((_, column) => meanAndStd(values.map((row) => row[column])));
  return {
    group,
    model,
    splits: rows.map((row) => row.split),
    mean: columns.map((column) => column.mean),
    std: columns.map((column) => column.std),
  };
}

/**
 * The model whose recommendations the report shows: the lowest mean RMSE over every split
 * among rating models, else (only ranking models) the highest mean catalogue NDCG.
 */
export function bestModel(summary: ResultsSummary): string | undefined {
  const rows = summary.aggregates.filter((row) => row.group === 'all');
  const rmse = summary.metrics.indexOf('RMSE');
  const ndcg = summary.metrics.findIndex((name) => /^NDCG@\d+ full$/.test(name));

  const rated = rows.filter((row) => row.mean[rmse] !== null);
  if (rated.length > 0) return minBy(rated, (row) => row.mean[rmse] as number).model;
  const ranked = rows.filter((row) => row.mean[ndcg] !== null);
  return ranked.length > 0 ? minBy(ranked, (row) => -(row.mean[ndcg] as number)).model : undefined;
}

function minBy<T>(values: T[], key: (value: T) => number): T {
  return values.reduce((best, value) => (key(value) < key(best) ? value : best));
}
