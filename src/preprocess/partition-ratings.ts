import { selectRatings, type Ratings } from '../data/ratings.ts';

/** Splits ratings in two by a mask (1: second part), keeping each part in file order. */
export function partitionRatings(ratings: Ratings, mask: Uint8Array): [Ratings, Ratings] {
  let marked = 0;
  for (const flag of mask) marked += flag;

  const first = new Int32Array(mask.length - marked);
  const second = new Int32Array(marked);
  let a = 0;
  let b = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) second[b++] = i;
    else first[a++] = i;
  }
  return [selectRatings(ratings, first), selectRatings(ratings, second)];
}
