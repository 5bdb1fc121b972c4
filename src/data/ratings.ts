/**
 * Ratings held column-wise in typed arrays: the memory of a data set stays proportional to its
 * number of ratings (20 bytes each), whatever its size. Users and items are dense 0-based
 * indices into users.csv and items.csv.
 */
export interface Ratings {
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
  timestamp: Float64Array;
}

/** The ratings at the given positions, in that order. */
export function selectRatings(ratings: Ratings, positions: ArrayLike<number>): Ratings {
  const count = positions.length;
  const selected: Ratings = {
    user: new Int32Array(count),
    item: new Int32Array(count),
    rating: new Float32Array(count),
    timestamp: new Float64Array(count),
  };

  for (let i = 0; i < count; i++) {
    const from = positions[i];
    selected.user[i] = ratings.user[from];
    selected.item[i] = ratings.item[from];
    selected.rating[i] = ratings.rating[from];
    selected.timestamp[i] = ratings.timestamp[from];
  }
  return selected;
}
