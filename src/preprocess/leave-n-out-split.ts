import type { Ratings } from '../data/ratings.ts';
import { partitionRatings } from './partition-ratings.ts';
import { positionsByUser } from './positions-by-user.ts';
import { seededRandom, shuffleInPlace } from '../util/seeded-random.ts';

export interface LeaveNOutResult {
  train: Ratings;
  test: Ratings;
  /** Users with n ratings or fewer: all their ratings stay in training. */
  usersKeptWhole: number;
}

/**
 * Holds out n ratings of every user: their latest ones ('timestamp'; ties go to the rating
 * later in the file) or n at random ('random'). A user with n ratings or fewer keeps them
 * all for training, so nobody in the test part is a cold-start user.
 */
export function leaveNOutSplit(
  ratings: Ratings,
  n: number,
  order: 'timestamp' | 'random',
  seed: number,
): LeaveNOutResult {
  const random = seededRandom(seed);
  const { positions, starts, users } = positionsByUser(ratings);
  const mask = new Uint8Array(ratings.user.length);
  let usersKeptWhole = 0;

  for (let u = 0; u < users; u++) {
    const own = positions.subarray(starts[u], starts[u + 1]);
    if (own.length === 0) continue;
    if (own.length <= n) {
      usersKeptWhole++;
      continue;
    }

    if (order === 'random') shuffleInPlace(own, random);
    else own.sort((a, b) => ratings.timestamp[b] - ratings.timestamp[a] || b - a);
    for (let k = 0; k < n; k++) mask[own[k]] = 1;
  }

  const [train, test] = partitionRatings(ratings, mask);
  return { train, test, usersKeptWhole };
}
