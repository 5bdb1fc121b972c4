import type { ColumnTable } from 'arquero';
import { scaleValues, type RatingScale } from './rating-scale.ts';

export interface RatingCount {
  rating: number;
  count: number;
  share: number;
}

/** Ratings per value of the scale, lowest first, zero counts kept. */
export function ratingDistribution(ratings: ColumnTable, scale: RatingScale): RatingCount[] {
  const values = scaleValues(scale);
  const counts = new Map(values.map((value) => [value, 0]));
  const column = ratings.array('rating') as ArrayLike<number>;
  for (let row = 0; row < column.length; row++) {
    // Snap to the grid, so 3.9999 written by a float round trip still counts as 4.
    const value = scale.min + Math.round((column[row] - scale.min) / scale.step) * scale.step;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }

  const total = column.length;
  return [...counts].map(([rating, count]) => ({
    rating,
    count,
    share: total === 0 ? 0 : count / total,
  }));
}
