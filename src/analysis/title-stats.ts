import * as aq from 'arquero';
import type { DatasetTables } from './dataset-tables.ts';

/** Ratings of one title. A film listed under two ids is one title: its ratings are pooled. */
export interface TitleStats {
  title: string;
  /** Original item ids listed under this title, ascending as text. */
  itemIds: string[];
  ratings: number;
  meanRating: number;
}

/** Per-title counts and means over every rating; titles nobody rated are left out. */
export function titleStats(tables: DatasetTables): TitleStats[] {
  const items = tables.items.select('item', 'itemId', 'title');

  const rows = tables.ratings
    .select('item', 'rating')
    .join(items, 'item')
    .groupby('title')
    .rollup({
      ratings: aq.op.count(),
      meanRating: aq.op.mean('rating'),
      itemIds: aq.op.array_agg_distinct('itemId'),
    })
    .objects() as { title: string; ratings: number; meanRating: number; itemIds: string[] }[];

  return rows.map((row) => ({
    title: row.title,
    itemIds: [...row.itemIds].sort(compareIds),
    ratings: row.ratings,
    meanRating: row.meanRating,
  }));
}

/** Numeric ids in numeric order, anything else as text. */
function compareIds(a: string, b: string): number {
  const difference = Number(a) - Number(b);
  return Number.isNaN(difference) ? a.localeCompare(b) : difference;
}
