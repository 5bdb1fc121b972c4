import type { DampedTitleStats } from './best-rated-titles.ts';
import type { ExploreAnalysis } from './explore-analysis.ts';
import type { RowTable } from './first-rows.ts';
import type { GroupMean } from './mean-rating-by.ts';
import type { TitleStats } from './title-stats.ts';
import type { ValueCount } from './value-counts.ts';

/**
 * Every table of the analysis by file name (without extension), as written to CSV and JSON
 * and shown in the report. User tables only exist for layouts with user features.
 */
export function reportTables(analysis: ExploreAnalysis): Record<string, RowTable> {
  const { bestRated, users } = analysis;
  const tables: Record<string, RowTable> = {
    'first-users': analysis.firstRows.users,
    'first-items': analysis.firstRows.items,
    'first-ratings': analysis.firstRows.ratings,
    'genre-frequency': {
      columns: ['genre', 'items', 'share'],
      rows: analysis.genres.map((row) => ({ ...row })),
      formats: { items: 'count', share: 'percent' },
    },
    'rating-distribution': {
      columns: ['rating', 'count', 'share'],
      rows: analysis.ratings.map((row) => ({ ...row })),
      formats: { count: 'count', share: 'percent' },
    },
    'genre-correlation': correlationTable(analysis),
    titles: titleTable(analysis.titles, ['rank', 'title', 'ratings', 'meanRating', 'itemIds']),
    'duplicate-titles': titleTable(analysis.duplicateTitles, ['title', 'itemIds', 'ratings',
      'meanRating']),
    'most-rated-titles': titleTable(analysis.mostRated, ['rank', 'title', 'ratings',
      'meanRating', 'itemIds']),
    'best-rated-raw': titleTable(bestRated.raw, bestColumns),
    'best-rated-min-count': titleTable(bestRated.thresholded, bestColumns),
    'best-rated-damped': titleTable(bestRated.damped, bestColumns),
  };
  if (!users) return tables;

  return {
    ...tables,
    occupations: countTable('occupation', users.occupations),
    genders: countTable('gender', users.genders),
    'age-distribution': {
      columns: ['from', 'to', 'users'],
      rows: users.ages.map((bin) => ({ from: bin.from, to: bin.to, users: bin.count })),
      formats: { users: 'count' },
    },
    'mean-rating-by-occupation': meanTable('occupation', users.meanByOccupation),
    'mean-rating-by-gender': meanTable('gender', users.meanByGender),
  };
}

const bestColumns = ['rank', 'title', 'ratings', 'meanRating', 'dampedMean', 'itemIds'];

function titleTable(titles: (TitleStats | DampedTitleStats)[], columns: string[]): RowTable {
  return {
    columns,
    rows: titles.map((title, index) => ({ rank: index + 1, ...title })),
    formats: { ratings: 'count', meanRating: 'decimal', dampedMean: 'decimal' },
  };
}

function countTable(name: string, counts: ValueCount[]): RowTable {
  return {
    columns: [name, 'users'],
    rows: counts.map((row) => ({ [name]: row.value, users: row.count })),
    formats: { users: 'count' },
  };
}

function meanTable(name: string, groups: GroupMean[]): RowTable {
  return {
    columns: [name, 'meanRating', 'ratings', 'users'],
    rows: groups.map((group) => ({ [name]: group.group, ...group })),
    formats: { meanRating: 'decimal', ratings: 'count', users: 'count' },
  };
}

function correlationTable({ genreCorrelation }: ExploreAnalysis): RowTable {
  const { genres, matrix } = genreCorrelation;
  return {
    columns: ['genre', ...genres],
    rows: genres.map((genre, row) => ({
      genre,
      ...Object.fromEntries(genres.map((other, column) => [other, matrix[row][column]])),
    })),
    formats: Object.fromEntries(genres.map((genre) => [genre, 'decimal' as const])),
  };
}
