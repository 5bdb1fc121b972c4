import * as aq from 'arquero';
import type { DatasetTables } from './dataset-tables.ts';

export interface GroupMean {
  group: string;
  meanRating: number;
  ratings: number;
  users: number;
}

/**
 * Mean rating per value of a user column (occupation, gender), best first (ties by name).
 * Every rating counts once, so a group's mean leans towards its most active users.
 */
export function meanRatingBy(tables: DatasetTables, column: 'occupation' | 'gender'): GroupMean[] {
  const users = tables.users.select('user', column).filter(aq.escape(
    (row: Record<string, unknown>) => row[column] != null && row[column] !== '',
  ));

  const groups = tables.ratings
    .select('user', 'rating')
    .join(users, 'user')
    .groupby(column)
    .rollup({
      meanRating: aq.op.mean('rating'),
      ratings: aq.op.count(),
      users: aq.op.distinct('user'),
    })
    .objects() as Record<string, string | number>[];

  return groups
    .map((row) => ({
      group: String(row[column]),
      meanRating: row.meanRating as number,
      ratings: row.ratings as number,
      users: row.users as number,
    }))
    .sort((a, b) => b.meanRating - a.meanRating || a.group.localeCompare(b.group));
}

export interface MeanRatingSpread {
  highest: GroupMean;
  lowest: GroupMean;
  spread: number;
}

/** The gap between the best- and the worst-rating group: how much the grouping matters. */
export function meanRatingSpread(groups: GroupMean[]): MeanRatingSpread | undefined {
  if (groups.length === 0) return undefined;
  const highest = groups[0];
  const lowest = groups[groups.length - 1];
  return { highest, lowest, spread: highest.meanRating - lowest.meanRating };
}
