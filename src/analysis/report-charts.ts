import { barChart } from './bar-chart.ts';
import type { ExploreAnalysis, UserAnalysis } from './explore-analysis.ts';
import { formatNumber, formatPercent } from './format-number.ts';
import { heatMapChart } from './heat-map-chart.ts';
import { histogramChart } from './histogram-chart.ts';
import { horizontalBarChart } from './horizontal-bar-chart.ts';
import type { GroupMean } from './mean-rating-by.ts';

/** One chart of the report; `name` is its file name without extension. */
export interface ReportChart {
  name: string;
  title: string;
  svg: string;
}

/** Every chart the analysis supports; user charts only when the layout has user features. */
export function reportCharts(analysis: ExploreAnalysis): ReportChart[] {
  const charts = [
    ratingChart(analysis),
    genreChart(analysis),
    genreCorrelationChart(analysis),
    mostRatedChart(analysis),
    dampedBestChart(analysis),
  ];
  if (analysis.users) charts.push(...userCharts(analysis, analysis.users));
  return charts;
}

function ratingChart({ ratings, overview }: ExploreAnalysis): ReportChart {
  const title = 'Distribution of ratings';
  return { name: 'rating-distribution', title, svg: barChart({
    title,
    subtitle: `${formatNumber(overview.ratings)} ratings, mean ${formatNumber(
      overview.meanRating, 2)}`,
    // Half-star scales have ten bars: only the share fits above each of them.
    bars: ratings.map((row) => ({
      label: formatNumber(row.rating),
      value: row.count,
      valueLabel: ratings.length > 6 ? formatPercent(row.share, 1)
        : `${formatNumber(row.count)} (${formatPercent(row.share, 1)})`,
    })),
    categoryLabel: 'Rating (stars)',
    valueLabel: 'Ratings',
  }) };
}

function genreChart({ genres, overview }: ExploreAnalysis): ReportChart {
  const title = 'Items per genre';
  return { name: 'genre-frequency', title, svg: horizontalBarChart({
    title,
    subtitle: `Tag frequency over ${formatNumber(overview.items)} items; ` +
      'an item with several genres counts in each',
    bars: genres.map((row) => ({
      label: row.genre,
      value: row.items,
      valueLabel: `${formatNumber(row.items)} (${formatPercent(row.share, 1)})`,
    })),
    axisLabel: 'Items',
  }) };
}

function genreCorrelationChart({ genreCorrelation }: ExploreAnalysis): ReportChart {
  const title = 'Correlation between genres';
  return { name: 'genre-correlation', title, svg: heatMapChart({
    title,
    subtitle: 'Pearson r between the 0/1 genre columns of the item x genre matrix',
    rows: genreCorrelation.genres,
    columns: genreCorrelation.genres,
    values: genreCorrelation.matrix,
    limit: 1,
    legendLabel: 'Pearson r',
  }) };
}

function mostRatedChart({ mostRated }: ExploreAnalysis): ReportChart {
  const title = `The ${mostRated.length} most-rated titles`;
  return { name: 'most-rated-titles', title, svg: horizontalBarChart({
    title,
    subtitle: 'Ratings per title; a film listed under two ids counts once',
    bars: mostRated.map((row) => ({ label: row.title, value: row.ratings })),
    axisLabel: 'Ratings',
  }) };
}

function dampedBestChart({ bestRated, overview }: ExploreAnalysis): ReportChart {
  const title = `The ${bestRated.damped.length} best-rated titles (damped mean)`;
  const { priorWeight, priorMean } = bestRated;
  return { name: 'best-rated-titles', title, svg: horizontalBarChart({
    title,
    subtitle: `Each title's mean pulled towards the global mean ${formatNumber(priorMean, 2)}` +
      ` by ${formatNumber(priorWeight)} pseudo-ratings`,
    bars: bestRated.damped.map((row) => ({
      label: row.title,
      value: row.dampedMean,
      valueLabel: `${formatNumber(row.dampedMean, 2)} (n=${formatNumber(row.ratings)})`,
    })),
    axisLabel: 'Damped mean rating (stars)',
    domain: [overview.ratingScale.min, overview.ratingScale.max],
  }) };
}

function userCharts(analysis: ExploreAnalysis, users: UserAnalysis): ReportChart[] {
  const occupationsTitle = 'Users per occupation';
  const agesTitle = 'Ages of users';
  return [
    { name: 'occupations', title: occupationsTitle, svg: horizontalBarChart({
      title: occupationsTitle,
      bars: users.occupations.map((row) => ({ label: row.value, value: row.count })),
      axisLabel: 'Users',
    }) },
    { name: 'age-distribution', title: agesTitle, svg: histogramChart({
      title: agesTitle,
      subtitle: `${formatNumber(analysis.overview.users)} users in bins of ` +
        `${formatNumber(users.ages[0] ? users.ages[0].to - users.ages[0].from : 0)} years`,
      bins: users.ages,
      binLabel: 'Age (years)',
      valueLabel: 'Users',
    }) },
    meanChart(analysis, 'mean-rating-by-occupation', 'occupation', users.meanByOccupation),
    meanChart(analysis, 'mean-rating-by-gender', 'gender', users.meanByGender),
  ];
}

function meanChart(
  { overview }: ExploreAnalysis,
  name: string,
  by: string,
  groups: GroupMean[],
): ReportChart {
  const title = `Mean rating by ${by}`;
  return { name, title, svg: horizontalBarChart({
    title,
    subtitle: `Every rating counts once; the axis starts at the lowest rating, ` +
      `${formatNumber(overview.ratingScale.min)}`,
    bars: groups.map((group) => ({
      label: group.group,
      value: group.meanRating,
      valueLabel: `${formatNumber(group.meanRating, 2)} (${formatNumber(group.ratings)} ` +
        'ratings)',
    })),
    axisLabel: 'Mean rating (stars)',
    domain: [overview.ratingScale.min, overview.ratingScale.max],
    reference: { value: overview.meanRating, label: `all: ${formatNumber(overview.meanRating,
      2)}` },
  }) };
}
