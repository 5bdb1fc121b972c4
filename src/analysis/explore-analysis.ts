import { ageHistogram, type HistogramBin } from './age-histogram.ts';
import { bestRatedTitles, type BestRatedTitles } from './best-rated-titles.ts';
import type { DatasetTables } from './dataset-tables.ts';
import { datasetOverview, type DatasetOverview } from './dataset-overview.ts';
import { firstRows, type FirstRows } from './first-rows.ts';
import { genreCorrelation, type GenreCorrelation } from './genre-correlation.ts';
import { genreFrequency, type GenreCount } from './genre-frequency.ts';
import { meanRatingBy, type GroupMean } from './mean-rating-by.ts';
import { mostRatedTitles } from './most-rated-titles.ts';
import { ratingDistribution, type RatingCount } from './rating-distribution.ts';
import { titleStats, type TitleStats } from './title-stats.ts';
import { valueCounts, type ValueCount } from './value-counts.ts';

export interface ExploreOptions {
  /** Rows shown of each table. */
  firstRows: number;
  /** Length of the most-rated list. */
  mostRated: number;
  /** Length of each best-rated list. */
  bestRated: number;
  minRatings: number;
  priorWeight: number;
  ageBinWidth: number;
}

/** The analysis of users that exists only when the layout has user features. */
export interface UserAnalysis {
  occupations: ValueCount[];
  genders: ValueCount[];
  ages: HistogramBin[];
  meanByOccupation: GroupMean[];
  meanByGender: GroupMean[];
}

export interface ExploreAnalysis {
  overview: DatasetOverview;
  firstRows: FirstRows;
  genres: GenreCount[];
  ratings: RatingCount[];
  genreCorrelation: GenreCorrelation;
  /** Every rated title, most-rated first. */
  titles: TitleStats[];
  /** Titles listed under more than one item id, whose ratings are pooled. */
  duplicateTitles: TitleStats[];
  mostRated: TitleStats[];
  bestRated: BestRatedTitles;
  /** Undefined for layouts without user features. */
  users?: UserAnalysis;
}

/** Runs every computation of the exploratory analysis; `step` is told as each one finishes. */
export function exploreAnalysis(
  tables: DatasetTables,
  options: ExploreOptions,
  step: (name: string) => void = () => {},
): ExploreAnalysis {
  const overview = datasetOverview(tables);
  const rows = firstRows(tables, options.firstRows);
  step('overview');

  const genres = genreFrequency(tables);
  const ratings = ratingDistribution(tables.ratings, overview.ratingScale);
  const correlation = genreCorrelation(tables);
  step('distributions');

  const stats = mostRatedTitles(titleStats(tables), Infinity);
  const mostRated = stats.slice(0, options.mostRated);
  const bestRated = bestRatedTitles(stats, {
    count: options.bestRated,
    minRatings: options.minRatings,
    priorWeight: options.priorWeight,
  });
  step('titles');

  const users = overview.hasUserFeatures ? userAnalysis(tables, options) : undefined;
  step('users');

  return {
    overview,
    firstRows: rows,
    genres,
    ratings,
    genreCorrelation: correlation,
    titles: stats,
    duplicateTitles: stats.filter((title) => title.itemIds.length > 1),
    mostRated,
    bestRated,
    users,
  };
}

function userAnalysis(tables: DatasetTables, options: ExploreOptions): UserAnalysis {
  return {
    occupations: valueCounts(tables.users, 'occupation'),
    genders: valueCounts(tables.users, 'gender'),
    ages: ageHistogram(tables.users, options.ageBinWidth),
    meanByOccupation: meanRatingBy(tables, 'occupation'),
    meanByGender: meanRatingBy(tables, 'gender'),
  };
}

/** The number of `step` calls exploreAnalysis makes, for progress totals. */
export const exploreAnalysisSteps = 4;
