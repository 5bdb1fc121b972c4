import type { DatasetTables } from './dataset-tables.ts';

/** The ratings a layout allows: min..max in steps (1 for MovieLens 100K/1M, 0.5 for latest). */
export interface RatingScale {
  min: number;
  max: number;
  step: number;
}

/**
 * The scale from meta.json when the ingest recorded one; otherwise read off the ratings, with
 * half steps as soon as one rating is not a whole number.
 */
export function ratingScale(tables: DatasetTables): RatingScale {
  if (tables.meta.ratingScale) {
    const { min, max, step } = tables.meta.ratingScale;
    return { min, max, step };
  }

  const ratings = tables.ratings.array('rating') as ArrayLike<number>;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let index = 0; index < ratings.length; index++) {
    const rating = ratings[index];
    min = Math.min(min, rating);
    max = Math.max(max, rating);
    whole &&= Number.isInteger(rating);
  }
  if (ratings.length === 0) return { min: 1, max: 5, step: 1 };
  return { min, max, step: whole ? 1 : 0.5 };
}

/** Every rating value on the scale, lowest first. */
export function scaleValues(scale: RatingScale): number[] {
  const count = Math.round((scale.max - scale.min) / scale.step) + 1;
  return Array.from({ length: count }, (_, index) => scale.min + index * scale.step);
}
