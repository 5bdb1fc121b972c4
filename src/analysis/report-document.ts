import type { ExploreAnalysis } from './explore-analysis.ts';
import type { RowTable } from './first-rows.ts';
import { formatNumber, formatPercent } from './format-number.ts';
import { meanRatingSpread } from './mean-rating-by.ts';
import type { ReportChart } from './report-charts.ts';

/** The report as format-neutral blocks; Markdown and HTML writers render the same list. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: RowTable; file?: string }
  | { kind: 'chart'; chart: ReportChart };

export function reportDocument(
  analysis: ExploreAnalysis,
  charts: ReportChart[],
  tables: Record<string, RowTable>,
): ReportBlock[] {
  const build = blockBuilder(charts, tables);
  const { chart, table, heading, paragraph } = build;

  return [
    heading(`Exploratory analysis of ${analysis.overview.layout}`, 1),
    ...overviewBlocks(analysis),
    heading('First rows'),
    heading('Users', 3), table('first-users'),
    heading('Items', 3), table('first-items'),
    heading('Ratings', 3), table('first-ratings'),
    heading('Ratings'),
    ...chart('rating-distribution'), table('rating-distribution'),
    heading('Genres'),
    paragraph('An item can carry several genres, so the counts add up to more than the items.'),
    ...chart('genre-frequency'), table('genre-frequency'),
    ...chart('genre-correlation'),
    paragraph('The full matrix is in genre-correlation.csv.'),
    ...userBlocks(analysis, build),
    heading('Most-rated titles'),
    paragraph('Ratings are counted per title: a film listed under two item ids counts once, ' +
      'with both ids shown.'),
    ...chart('most-rated-titles'), table('most-rated-titles'),
    heading('Titles listed under more than one id', 3),
    paragraph(`${analysis.duplicateTitles.length} titles appear under two or more item ids; ` +
      'their ratings are pooled in every per-title table. Every title with its counts is in ' +
      'titles.csv.'),
    table('duplicate-titles'),
    ...bestRatedBlocks(analysis, build),
  ];
}

function overviewBlocks({ overview }: ExploreAnalysis): ReportBlock[] {
  const { min, max, step } = overview.ratingScale;
  const rows = [
    ['Layout', overview.layout],
    ['Users', formatNumber(overview.users)],
    ['Items', formatNumber(overview.items)],
    ['Ratings', formatNumber(overview.ratings)],
    ['Density', `${formatPercent(overview.density)} of the user x item matrix is rated`],
    ['Mean rating', formatNumber(overview.meanRating, 2)],
    ['Rating scale', `${min} to ${max} in steps of ${step}`],
  ];
  return [{
    kind: 'table',
    table: { columns: ['', 'value'], rows: rows.map(([name, value]) => ({ '': name, value })) },
  }];
}

/** Shorthands for blocks; charts and tables are looked up by file name. */
interface BlockBuilder {
  /** The chart as a block, or nothing when the analysis made no such chart. */
  chart(name: string): ReportBlock[];
  table(name: string): ReportBlock;
  heading(text: string, level?: 1 | 2 | 3): ReportBlock;
  paragraph(text: string): ReportBlock;
}

function blockBuilder(charts: ReportChart[], tables: Record<string, RowTable>): BlockBuilder {
  return {
    chart(name) {
      const found = charts.find((candidate) => candidate.name === name);
      return found ? [{ kind: 'chart', chart: found }] : [];
    },
    table: (name) => ({ kind: 'table', table: tables[name], file: `${name}.csv` }),
    heading: (text, level = 2) => ({ kind: 'heading', level, text }),
    paragraph: (text) => ({ kind: 'paragraph', text }),
  };
}

function userBlocks(analysis: ExploreAnalysis, build: BlockBuilder): ReportBlock[] {
  const { chart, table, heading, paragraph } = build;
  if (!analysis.users) {
    return [
      heading('Users'),
      paragraph(`The ${analysis.overview.layout} layout knows users only by id: it has no ` +
        'age, gender or occupation, so the user distributions and the mean rating by ' +
        'occupation and gender are left out.'),
    ];
  }

  const occupation = meanRatingSpread(analysis.users.meanByOccupation);
  const gender = meanRatingSpread(analysis.users.meanByGender);
  const spread = (found: typeof occupation, what: string) => found ? paragraph(
    `Mean ratings by ${what} run from ${formatNumber(found.lowest.meanRating, 2)} ` +
    `(${found.lowest.group}) to ${formatNumber(found.highest.meanRating, 2)} ` +
    `(${found.highest.group}), a spread of ${formatNumber(found.spread, 2)} stars.`) : [];

  return [
    heading('Users'),
    ...chart('occupations'), table('occupations'),
    table('genders'),
    ...chart('age-distribution'), table('age-distribution'),
    heading('Mean rating by occupation and gender'),
    spread(occupation, 'occupation'),
    ...chart('mean-rating-by-occupation'), table('mean-rating-by-occupation'),
    spread(gender, 'gender'),
    ...chart('mean-rating-by-gender'), table('mean-rating-by-gender'),
  ].flat();
}

function bestRatedBlocks(analysis: ExploreAnalysis, build: BlockBuilder): ReportBlock[] {
  const { chart, table, heading, paragraph } = build;
  const { minRatings, priorWeight, priorMean, raw } = analysis.bestRated;
  const single = raw.filter((title) => title.ratings === 1).length;

  return [
    heading('Best-rated titles'),
    paragraph(`Ranked by the plain mean, the list is led by titles with a handful of votes ` +
      `(${single} of these ${raw.length} have a single rating): a mean of few votes says ` +
      'little.'),
    heading('By plain mean', 3), table('best-rated-raw'),
    heading(`By plain mean, at least ${formatNumber(minRatings)} ratings`, 3),
    table('best-rated-min-count'),
    heading('By damped (Bayesian) mean', 3),
    paragraph(`Damped mean = (${formatNumber(priorWeight)} x ${formatNumber(priorMean, 2)} + ` +
      `sum of the title's ratings) / (${formatNumber(priorWeight)} + its number of ratings): ` +
      `every title starts with ${formatNumber(priorWeight)} pseudo-ratings at the global ` +
      'mean, so a few enthusiastic votes cannot lift it far.'),
    ...chart('best-rated-titles'), table('best-rated-damped'),
  ];
}
