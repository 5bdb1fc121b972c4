import type { RatingTriples } from './rating-triples.ts';

/**
 * Ratings grouped by user in compressed rows: user u's items and ratings are
 * items[offsets[u] .. offsets[u + 1]), in the order they were given.
 */
export interface RatingsByUser {
  offsets: Int32Array;
  items: Int32Array;
  ratings: Float64Array;
}

export function groupByUser(triples: RatingTriples, numUsers: number): RatingsByUser {
  const count = triples.users.length;
  const offsets = new Int32Array(numUsers + 1);
  for (let row = 0; row < count; row++) offsets[triples.users[row] + 1]++;
  for (let user = 0; user < numUsers; user++) offsets[user + 1] += offsets[user];

  // A write cursor per user fills each user's block in input order.
  const cursor = offsets.slice(0, numUsers);
  const items = new Int32Array(count);
  const ratings = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    const slot = cursor[triples.users[row]]++;
    items[slot] = triples.items[row];
    ratings[slot] = triples.ratings[row];
  }
  return { offsets, items, ratings };
}

/** How many ratings user `user` has. */
export function userRatingCount(grouped: RatingsByUser, user: number): number {
  return grouped.offsets[user + 1] - grouped.offsets[user];
}
