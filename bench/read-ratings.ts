import { readFileSync } from 'node:fs';
import type { RatingSet } from '../src/models/training-data.ts';

export interface BenchRatings {
  set: RatingSet;
  numUsers: number;
  numItems: number;
  /** Mean scaled rating: where the models' global offset starts. */
  globalMean: number;
}

/**
 * Reads a MovieLens 100K split file (user, item, rating, timestamp, tab-separated) as the
 * trainers take it: 0-based ids (the files' ids are dense from 1), ratings scaled from 1..5
 * to [0, 1]. The benchmark reads the file where it lies and copies nothing.
 */
export function readRatings(file: string): BenchRatings {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const set: RatingSet = {
    users: new Int32Array(lines.length),
    items: new Int32Array(lines.length),
    ratings: new Float32Array(lines.length),
    scaled: new Float32Array(lines.length),
  };

  let numUsers = 0;
  let numItems = 0;
  let sum = 0;
  lines.forEach((line, row) => {
    const [user, item, rating] = line.split('\t').map(Number);
    set.users[row] = user - 1;
    set.items[row] = item - 1;
    set.ratings[row] = rating;
    set.scaled[row] = (rating - 1) / 4;
    numUsers = Math.max(numUsers, user);
    numItems = Math.max(numItems, item);
    sum += set.scaled[row];
  });
  return { set, numUsers, numItems, globalMean: sum / lines.length };
}

/** The first `count` ratings, for capped runs and the small validation set. */
export function firstRatings(set: RatingSet, count: number): RatingSet {
  return {
    users: set.users.subarray(0, count),
    items: set.items.subarray(0, count),
    ratings: set.ratings.subarray(0, count),
    scaled: set.scaled.subarray(0, count),
  };
}
