import type { Ratings } from '../data/ratings.ts';
import { partitionRatings } from './partition-ratings.ts';
import { seededRandom, shuffleInPlace } from '../util/seeded-random.ts';

/**
 * Fold `fold` (1-based) of a random k-fold split. The permutation depends on the seed only,
 * so the k folds of one seed have disjoint test parts that together cover every rating once.
 */
export function kfoldSplit(
  ratings: Ratings,
  folds: number,
  fold: number,
  seed: number,
): { train: Ratings; test: Ratings } {
  if (!(fold >= 1 && fold <= folds)) throw new RangeError(`fold ${fold} is not in 1..${folds}`);
  const count = ratings.user.length;
  const order = shuffleInPlace(Int32Array.from({ length: count }, (_, i) => i), seededRandom(seed));

  const mask = new Uint8Array(count);
  for (let rank = fold - 1; rank < count; rank += folds) mask[order[rank]] = 1;
  const [train, test] = partitionRatings(ratings, mask);
  return { train, test };
}
