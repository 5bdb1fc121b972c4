import type { Ratings } from '../data/ratings.ts';

/**
 * Rating positions grouped by user (a counting sort): the positions of user u are
 * positions[starts[u]] .. positions[starts[u + 1] - 1], in their original order.
 */
export interface PositionsByUser {
  positions: Int32Array;
  starts: Int32Array;
  users: number;
}

export function positionsByUser(ratings: Ratings): PositionsByUser {
  let users = 0;
  for (const user of ratings.user) users = Math.max(users, user + 1);

  const starts = new Int32Array(users + 1);
  for (const user of ratings.user) starts[user + 1]++;
  for (let u = 0; u < users; u++) starts[u + 1] += starts[u];

  const next = starts.slice(0, users);
  const positions = new Int32Array(ratings.user.length);
  for (let i = 0; i < ratings.user.length; i++) positions[next[ratings.user[i]]++] = i;
  return { positions, starts, users };
}
