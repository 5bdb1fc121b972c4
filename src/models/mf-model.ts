import { tf } from '../tf/tf.ts';
import { GlobalBias } from './global-bias.ts';
import { biasedFactorPenalty, biasedFactors } from './biased-factors.ts';
import { fusedBiasedMfObjective } from './fused-mf-objective.ts';
import { indexInputs, type BuiltModel } from './model-parts.ts';

export interface MfOptions {
  numUsers: number;
  numItems: number;
  /** Width of the user and item factors. */
  factors: number;
  /** Per-rating L2 weight on the factor and bias rows a batch uses. */
  l2: number;
  /** Mean scaled training rating: the global offset starts there. */
  globalMean: number;
  seed: number;
}

/**
 * Biased matrix factorisation: rating = p_u . q_i + b_u + b_i + mu, on the scaled rating.
 *
 * Parameters: (numUsers + numItems) x (factors + 1) + 1. The reference model had 44,659 for
 * MovieLens 100K because it indexed raw 1-based ids into tables of max id + 1 rows, so row 0
 * of each table never saw a rating: (944 + 1,682 + 1) x 17. Our indices are dense and
 * 0-based, so those two never-trained rows are dropped, and one global offset is added:
 * (943 + 1,682) x 17 + 1 = 44,626. A row that no rating reaches would only ever hold its
 * random initial value, and predicting with it would be noise.
 */
export function buildMfModel(options: MfOptions): BuiltModel {
  const { numUsers, numItems, factors, seed } = options;
  const inputs = indexInputs();

  const mf = biasedFactors(inputs, {
    numUsers, numItems, factors, seed,
    names: { userFactors: 'user_factors', itemFactors: 'item_factors', dot: 'interaction' },
  });

  const sum = tf.layers.add({ name: 'biased_sum' })
    .apply([mf.dot, mf.userBias.output, mf.itemBias.output]) as tf.SymbolicTensor;
  const offset = new GlobalBias({ name: 'global_offset', initial: options.globalMean });
  const rating = offset.apply(sum) as tf.SymbolicTensor;

  const model = tf.model({ inputs: [inputs.user, inputs.item], outputs: rating, name: 'mf' });
  const fusedObjective = fusedBiasedMfObjective({
    userFactors: mf.userFactors.layer, itemFactors: mf.itemFactors.layer,
    userBias: mf.userBias.layer, itemBias: mf.itemBias.layer, offset,
  }, options.l2);
  return { model, penalty: biasedFactorPenalty(mf, options.l2), fusedObjective };
}
