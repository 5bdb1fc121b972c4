import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { renderPng } from '../analysis/render-png.ts';
import { defineStage, fromTask } from '../core/stage.ts';
import type { EvaluationMetrics } from '../evaluation/evaluate-model.ts';
import { readRecommendations } from '../evaluation/recommendation-rows.ts';
import { resultsCharts } from '../evaluation/results-charts.ts';
import { resultsCsv } from '../evaluation/results-csv.ts';
import { type ReportRecommendations, resultsMarkdown } from '../evaluation/results-markdown.ts';
import { bestModel, summariseResults } from '../evaluation/results-summary.ts';
import { resultsTable } from '../evaluation/results-table.ts';
import { labelVariants } from '../evaluation/variant-labels.ts';

const params = z.object({
  /** How many users' recommendations (from the best model) the report shows. */
  recommendationUsers: z.number().int().min(0).max(20).default(2),
});

/** The results table over splits and models, with mean and std per model. */
export const resultsReport = defineStage({
  name: 'results-report',
  // 2: several trainings of one model type get rows of their own.
  version: 2,
  description: 'Results per split and model, mean and std over splits, chart, recommendations',
  params,
  inputs: { evaluations: { kind: 'evaluation', many: true, description: 'every evaluation' } },
  outputs: { report: 'report' },
  run: ({ params: options, inputs, outputs, signal }) =>
    fromTask(signal, async (emit) => {
      const dirs = [inputs.evaluations].flat();
      // Labelled once, in the order of `dirs`: the best model's label finds its directories.
      const evaluations = labelVariants(await Promise.all(dirs.map(readMetrics)));
      const summary = summariseResults(evaluations);
      const best = bestModel(summary);
      const recommendations = best === undefined ? undefined
        : await bestRecommendations(dirs, evaluations, best, options.recommendationUsers);

      const dir = outputs.report;
      await writeFile(join(dir, 'results.csv'), resultsCsv(summary));
      await writeFile(join(dir, 'results.json'),
        `${JSON.stringify({ ...summary, best: best ?? null, recommendations }, null, 2)}\n`);
      const charts = resultsCharts(summary);
      for (const chart of charts) {
        await writeFile(join(dir, `${chart.name}.svg`), chart.svg);
        await writeFile(join(dir, `${chart.name}.png`), renderPng(chart.svg));
      }
      const images = charts.map((chart) => ({ file: `${chart.name}.svg`, title: chart.title }));
      await writeFile(join(dir, 'results.md'),
        resultsMarkdown(summary, images, recommendations));

      emit({ type: 'summary', data: {
        table: resultsTable(summary),
        best: best ?? null,
        aggregates: summary.aggregates,
        metrics: summary.metrics,
      } });
    }),
});

async function readMetrics(dir: string): Promise<EvaluationMetrics> {
  return JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8')) as EvaluationMetrics;
}

/** The first users of the best model's first split, as its evaluation listed them. */
async function bestRecommendations(
  dirs: string[],
  evaluations: EvaluationMetrics[],
  model: string,
  users: number,
): Promise<ReportRecommendations | undefined> {
  const candidates = evaluations
    .map((evaluation, index) => ({ evaluation, dir: dirs[index] }))
    .filter(({ evaluation }) => evaluation.model === model)
    .sort((a, b) => a.evaluation.split.localeCompare(b.evaluation.split));
  const first = candidates[0];
  if (!first || users === 0) return undefined;

  const rows = await readRecommendations(join(first.dir, 'recommendations.csv'));
  const shown = [...new Set(rows.map((row) => row.userId))].slice(0, users);
  return {
    model,
    split: first.evaluation.split,
    rows: rows.filter((row) => shown.includes(row.userId)),
  };
}
