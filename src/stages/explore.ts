import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetTables } from '../analysis/dataset-tables.ts';
import { exploreAnalysis, type ExploreAnalysis } from '../analysis/explore-analysis.ts';
import { formatNumber, formatPercent } from '../analysis/format-number.ts';
import { writeReport } from '../analysis/write-report.ts';

const params = z.object({
  /** Rows shown of the users, items and ratings tables. */
  firstRows: z.number().int().min(1).max(100).default(10),
  /** Length of the most-rated list. */
  mostRated: z.number().int().min(1).max(100).default(10),
  /** Length of each best-rated list (raw, thresholded, damped). */
  bestRated: z.number().int().min(1).max(100).default(20),
  /** Fewest ratings a title needs in the thresholded best-rated list. */
  minRatings: z.number().int().min(1).default(50),
  /** Pseudo-ratings at the global mean added to every title for the damped mean. */
  priorWeight: z.number().min(0).default(25),
  /** Width of the age histogram's bins, in years. */
  ageBinWidth: z.number().int().min(1).max(50).default(5),
});

/** Analysis steps before the charts, each reported as one unit of progress. */
const analysisSteps = 4;

/**
 * The exploratory analysis of a data set: counts, distributions, mean rating by occupation
 * and gender, genre correlation, most- and best-rated titles; charts as SVG and PNG, a
 * Markdown and an HTML report, the tables as CSV and JSON.
 */
export const explore = defineStage({
  name: 'explore',
  version: 1,
  description: 'Exploratory analysis of a data set: charts, tables, Markdown and HTML report',
  params,
  inputs: { dataset: { kind: 'dataset', description: 'the ingested data set' } },
  outputs: { report: 'report' },
  run: ({ params: p, inputs, outputs, signal }) =>
    fromTask(signal, async (emit, aborted) => {
      const tables = await readDatasetTables(inputs.dataset as string);

      let done = 0;
      let total = analysisSteps + 1;
      const step = (label: string) => emit({ type: 'progress', done: ++done, total,
        unit: 'steps', label });
      const analysis = exploreAnalysis(tables, p, step);
      if (!analysis.users) {
        emit({ type: 'log', level: 'info', message: `${analysis.overview.layout} has no user ` +
          'features: the age, gender and occupation sections are left out' });
      }
      aborted.throwIfAborted();

      const written = await writeReport(analysis, outputs.report, (charts, allCharts) => {
        total = analysisSteps + allCharts;
        step(`chart ${charts}/${allCharts}`);
        aborted.throwIfAborted();
      });
      emit({ type: 'summary', data: exploreSummary(analysis, written.charts.length / 2) });
    }),
});

/** The headline numbers for the terminal. */
function exploreSummary(analysis: ExploreAnalysis, charts: number): Record<string, unknown> {
  const { overview, mostRated } = analysis;
  return {
    layout: overview.layout,
    users: overview.users,
    items: overview.items,
    ratings: overview.ratings,
    density: formatPercent(overview.density),
    meanRating: Number(overview.meanRating.toFixed(3)),
    mostRated: mostRated.slice(0, 3)
      .map((title) => `${title.title} ${formatNumber(title.ratings)}`).join('; '),
    charts,
    report: 'report.html, report.md',
  };
}
