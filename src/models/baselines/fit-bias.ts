import type { RatingTriples } from '../../evaluation/rating-triples.ts';

/** The fitted terms of rating = globalMean + userBias[u] + itemBias[i]. */
export interface BiasParameters {
  globalMean: number;
  userBias: Float64Array;
  itemBias: Float64Array;
}

/** The documented defaults, shared by the train-bias stage and the cold-start fallback. */
export const BIAS_DEFAULTS = { itemDamping: 5, userDamping: 5, iterations: 10 } as const;

export interface BiasFitOptions {
  numUsers: number;
  numItems: number;
  /**
   * Damping of the item and user biases: a term with n ratings is shrunk by n / (n + damping)
   * towards zero, so an item seen twice stays near the global mean. The classic baseline
   * predictor (Koren, 2010) used 25 and 10, set for Netflix, whose items have about a hundred
   * times more ratings; on MovieLens 100K that over-shrinks (mean RMSE over u1..u5: 0.953
   * with 25/10, 0.942 with 5/5), so the default is 5 for both, a common MovieLens choice.
   * A stronger reference row is the stricter one for the trained models.
   */
  itemDamping: number;
  userDamping: number;
  /** Rounds of alternating least squares; the first round is the classic one-pass fit. */
  iterations: number;
}

/**
 * Fits the biases by regularised alternating least squares: item biases given the user
 * biases, then user biases given the item biases, each in closed form. Users and items
 * without training ratings keep a bias of 0.
 */
export function fitBias(train: RatingTriples, options: BiasFitOptions): BiasParameters {
  const count = train.ratings.length;
  if (count === 0) throw new Error('fitBias: the training part has no ratings');

  let sum = 0;
  for (const rating of train.ratings) sum += rating;
  const globalMean = sum / count;
  const userBias = new Float64Array(options.numUsers);
  const itemBias = new Float64Array(options.numItems);

  for (let round = 0; round < options.iterations; round++) {
    solveBiases(train, globalMean, userBias, itemBias, 'items', options.itemDamping);
    solveBiases(train, globalMean, userBias, itemBias, 'users', options.userDamping);
  }
  return { globalMean, userBias, itemBias };
}

/** One closed-form half step: each bias = sum of residuals / (count + damping). */
function solveBiases(
  train: RatingTriples,
  globalMean: number,
  userBias: Float64Array,
  itemBias: Float64Array,
  side: 'users' | 'items',
  damping: number,
): void {
  const target = side === 'users' ? userBias : itemBias;
  const other = side === 'users' ? itemBias : userBias;
  const ownIndex = side === 'users' ? train.users : train.items;
  const otherIndex = side === 'users' ? train.items : train.users;
  const residuals = new Float64Array(target.length);
  const counts = new Float64Array(target.length);

  for (let row = 0; row < train.ratings.length; row++) {
    const own = ownIndex[row];
    residuals[own] += train.ratings[row] - globalMean - other[otherIndex[row]];
    counts[own]++;
  }

  for (let index = 0; index < target.length; index++) {
    const denominator = counts[index] + damping;
    target[index] = denominator > 0 ? residuals[index] / denominator : 0;
  }
}
