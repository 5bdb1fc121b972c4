import { markdownTable } from './markdown-table.ts';
import type { Recommendation } from './recommendation-rows.ts';
import { aggregateTable } from './results-table.ts';
import type { ResultsSummary } from './results-summary.ts';
import { formatFixed, metricValues } from './metrics-table.ts';

export interface ReportRecommendations {
  model: string;
  split: string;
  rows: Recommendation[];
}

/** The protocol definitions, stated once here and in docs/ARCHITECTURE.md. */
const definitions = [
  '- **own** (protocol `test-items`): each test user\'s own test items, ranked by predicted',
  '  score. P@k = relevant in the top k / min(k, the user\'s test items).',
  '- **full** (protocol `catalogue`): every item except the user\'s training and validation',
  '  items, ranked. P@k = relevant in the top k / k.',
  '- Both: relevant = a test rating of 4 or more (on 1-5; mapped linearly on other scales);',
  '  R@k = relevant in the top k / all the user\'s relevant test items; NDCG@k with binary',
  '  gains and an ideal list of min(k, relevant) hits; averaged over users with at least one',
  '  relevant test item; ties broken by the lower item index.',
  '- Cold start: test pairs whose user or item has no training rating are predicted by the',
  '  bias baseline for rating models (counted in `cold-start`).',
  '- Mean ± sample standard deviation (n - 1) over the splits of each group.',
].join('\n');

/** results.md: aggregates, the per-split table, charts and a few recommendations. */
export function resultsMarkdown(
  summary: ResultsSummary,
  charts: { file: string; title: string }[],
  recommendations: ReportRecommendations | undefined,
): string {
  const sections = ['# Results', definitions];
  for (const group of new Set(summary.aggregates.map((row) => row.group))) {
    sections.push(`## Mean ± std over splits: ${group}`, markdownTable(aggregateTable(summary,
      group)));
  }

  sections.push('## Per split', markdownTable(perSplitTable(summary)));
  for (const chart of charts) sections.push(`![${chart.title}](${chart.file})`);
  if (recommendations) sections.push(...recommendationSection(recommendations));
  return `${sections.join('\n\n')}\n`;
}

function perSplitTable(summary: ResultsSummary) {
  return {
    columns: ['split', 'model', ...summary.metrics, 'test ratings', 'cold-start'],
    rows: summary.evaluations.map((row) => [row.split, row.model,
      ...metricValues(row).map(formatFixed), row.testRatings, row.coldStartPairs]),
  };
}

function recommendationSection({ model, split, rows }: ReportRecommendations): string[] {
  const table = {
    columns: ['user', 'rank', 'item', 'title', 'score'],
    rows: rows.map((row) => [row.userId, row.rank, row.itemId, row.title, row.score]),
  };
  return [
    `## Recommendations of ${model} (split ${split})`,
    'Top items each user has not rated, from the best model by mean RMSE.',
    markdownTable(table),
  ];
}
