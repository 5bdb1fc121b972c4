import type { RatingScale } from '../data/rating-scale.ts';
import { minMaxScale, minMaxUnscale } from './min-max-scaler.ts';

/**
 * Ratings are scaled to [0, 1] from the data set's declared scale (1-5, or 0.5-5 for half
 * stars), not from the ratings seen: a training part that lacks a 1 must not shift the
 * scale. Every rating on the scale's grid comes back bit-for-bit from unscaleRating.
 */
export function scaleRating(rating: number, scale: Pick<RatingScale, 'min' | 'max'>): number {
  return minMaxScale(rating, scale);
}

/** The exact inverse of scaleRating, for turning model outputs back into ratings. */
export function unscaleRating(scaled: number, scale: Pick<RatingScale, 'min' | 'max'>): number {
  return minMaxUnscale(scaled, scale);
}

/** unscaleRating over a batch of predictions, clipped to the scale. */
export function unscaleRatings(
  scaled: ArrayLike<number>,
  scale: Pick<RatingScale, 'min' | 'max'>,
): Float32Array {
  const ratings = new Float32Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) {
    const rating = unscaleRating(scaled[i], scale);
    ratings[i] = Math.min(scale.max, Math.max(scale.min, rating));
  }
  return ratings;
}

/** scaleRating over a column of ratings. */
export function scaleRatings(
  ratings: ArrayLike<number>,
  scale: Pick<RatingScale, 'min' | 'max'>,
): Float64Array {
  const scaled = new Float64Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) scaled[i] = scaleRating(ratings[i], scale);
  return scaled;
}
