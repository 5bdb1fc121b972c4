import type { Ratings } from '../data/ratings.ts';
import { partitionRatings } from './partition-ratings.ts';
import { positionsByUser } from './positions-by-user.ts';
import { seededRandom, shuffleInPlace } from '../util/seeded-random.ts';

/**
 * Carves a validation part out of a training part, stratified by user: each user gives about
 * `fraction` of their ratings, chosen at random. Rounding is randomised (7 ratings at 0.1
 * give one with probability 0.7) so the total stays near the fraction even when every user
 * has few ratings; a user always keeps at least one rating for training.
 */
export function carveValidation(
  train: Ratings,
  fraction: number,
  seed: number,
): { train: Ratings; validation: Ratings } {
  const random = seededRandom(seed);
  const { positions, starts, users } = positionsByUser(train);
  const mask = new Uint8Array(train.user.length);

  for (let u = 0; u < users; u++) {
    const own = positions.subarray(starts[u], starts[u + 1]);
    if (own.length < 2 || fraction <= 0) continue;
    const take = Math.min(Math.floor(own.length * fraction + random()), own.length - 1);
    shuffleInPlace(own, random);
    for (let k = 0; k < take; k++) mask[own[k]] = 1;
  }

  const [kept, validation] = partitionRatings(train, mask);
  return { train: kept, validation };
}
