import type { Ratings } from '../data/ratings.ts';

/** Users and items of an evaluation part that its training part never shows. */
export interface ColdStartCounts {
  users: number;
  items: number;
  /** Ratings whose user or item (or both) is unseen in training. */
  ratings: number;
}

/**
 * Counts the cold-start users, items and ratings of `part` relative to `train`. The policy
 * (docs/ARCHITECTURE.md): they stay in the part and are predicted by the bias fallback.
 */
export function countColdStart(train: Ratings, part: Ratings): ColdStartCounts {
  const knownUsers = new Set(train.user);
  const knownItems = new Set(train.item);
  const coldUsers = new Set<number>();
  const coldItems = new Set<number>();
  let ratings = 0;

  for (let i = 0; i < part.user.length; i++) {
    const userCold = !knownUsers.has(part.user[i]);
    const itemCold = !knownItems.has(part.item[i]);
    if (userCold) coldUsers.add(part.user[i]);
    if (itemCold) coldItems.add(part.item[i]);
    if (userCold || itemCold) ratings++;
  }
  return { users: coldUsers.size, items: coldItems.size, ratings };
}
