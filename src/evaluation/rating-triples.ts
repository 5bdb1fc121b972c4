import { readRatingsCsv } from '../data/ratings-csv.ts';

/** Ratings as parallel typed arrays of dense user and item indices and original ratings. */
export interface RatingTriples {
  users: Int32Array;
  items: Int32Array;
  ratings: Float64Array;
}

export function makeRatingTriples(rows: readonly (readonly [number, number, number])[]) {
  const triples: RatingTriples = {
    users: Int32Array.from(rows, (row) => row[0]),
    items: Int32Array.from(rows, (row) => row[1]),
    ratings: Float64Array.from(rows, (row) => row[2]),
  };
  return triples;
}

/** Reads the user, item and rating columns of a ratings CSV (split or prepared artifact). */
export async function readRatingTriples(file: string): Promise<RatingTriples> {
  const ratings = await readRatingsCsv(file);
  return {
    users: ratings.user,
    items: ratings.item,
    // Double precision from here on, so sums over many ratings do not drift.
    ratings: Float64Array.from(ratings.rating),
  };
}

/** The rows of several parts, one after the other (e.g. training plus validation). */
export function concatTriples(parts: readonly RatingTriples[]): RatingTriples {
  const length = parts.reduce((total, part) => total + part.users.length, 0);
  const joined: RatingTriples = {
    users: new Int32Array(length),
    items: new Int32Array(length),
    ratings: new Float64Array(length),
  };

  let offset = 0;
  for (const part of parts) {
    joined.users.set(part.users, offset);
    joined.items.set(part.items, offset);
    joined.ratings.set(part.ratings, offset);
    offset += part.users.length;
  }
  return joined;
}
