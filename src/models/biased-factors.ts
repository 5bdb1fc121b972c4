import { tf } from '../tf/tf.ts';
import { biasLookups, embed, rowPenalty } from './model-parts.ts';

/** Layer names of one model's biased-MF part; saved models and folding look them up. */
export interface BiasedFactorNames {
  userFactors: string;
  itemFactors: string;
  dot: string;
}

export interface BiasedFactorOptions {
  numUsers: number;
  numItems: number;
  factors: number;
  seed: number;
  names: BiasedFactorNames;
}

/**
 * The biased matrix-factorisation part shared by MF and the hybrid: user and item factors,
 * their dot product, and a user and an item bias (the caller adds them and the offset).
 * Factors start small and random, biases at zero.
 */
export function biasedFactors(
  inputs: { user: tf.SymbolicTensor; item: tf.SymbolicTensor },
  options: BiasedFactorOptions,
) {
  const { numUsers, numItems, factors, seed, names } = options;
  const spec = { width: factors, seed, stddev: 0.05 };
  const userFactors = embed(inputs.user, { ...spec, name: names.userFactors, rows: numUsers });
  const itemFactors = embed(inputs.item, { ...spec, name: names.itemFactors, rows: numItems });

  const { userBias, itemBias } = biasLookups(inputs, { numUsers, numItems, seed });

  const dot = tf.layers.dot({ axes: 1, name: names.dot })
    .apply([userFactors.output, itemFactors.output]) as tf.SymbolicTensor;
  return { userFactors, itemFactors, userBias, itemBias, dot };
}

/** The per-rating L2 penalty on the factor and bias rows a batch uses, or none at l2 = 0. */
export function biasedFactorPenalty(parts: ReturnType<typeof biasedFactors>, l2: number) {
  if (l2 <= 0) return undefined;
  return rowPenalty(l2, [
    { layer: parts.userFactors.layer, indices: 'users' },
    { layer: parts.itemFactors.layer, indices: 'items' },
    { layer: parts.userBias.layer, indices: 'users' },
    { layer: parts.itemBias.layer, indices: 'items' },
  ]);
}
