import { tf } from '../tf/tf.ts';
import { denseBlock, ratingHead } from './dnn-model.ts';
import { GlobalBias } from './global-bias.ts';
import { biasedFactorPenalty, biasedFactors } from './biased-factors.ts';
import { embed, featureLookup, indexInputs, type BuiltModel } from './model-parts.ts';
import { deriveSeed31 as deriveSeed } from '../util/seeded-random.ts';
import { SeededDropout } from './seeded-dropout.ts';

/** A side-feature table: `width` values per user (or item), row-major. */
export interface FeatureTable {
  values: Float32Array;
  width: number;
  names: string[];
}

export interface HybridOptions {
  numUsers: number;
  numItems: number;
  /** Width of the matrix-factorisation branch's factors. */
  factors: number;
  /** Width of the MLP branch's own user and item embeddings. */
  embedding: number;
  /** Units of the MLP branch's dense blocks. */
  hidden: number[];
  /** Dropout on the MLP branch's input and after each of its blocks. */
  dropout: number;
  /** Batch normalisation after each of the MLP branch's dense layers (default off). */
  batchNorm?: boolean;
  /** Per-rating L2 weight on the MF branch's factor and bias rows. */
  l2: number;
  globalMean: number;
  seed: number;
  /** Side features; omitted when the data set has none or the stage turns them off. */
  userFeatures?: FeatureTable;
  itemFeatures?: FeatureTable;
}

/**
 * Hybrid DNN-MF in the manner of neural matrix factorisation (NeuMF). Two branches see the
 * same user and item through separate embeddings: a biased-MF branch (p_u . q_i + b_u + b_i
 * + mu) and an MLP branch over [user embedding, item embedding, user side features, item
 * genres] ending in one linear unit. The two are summed. Summing (rather than NeuMF's learned
 * layer over the concatenated branch vectors) keeps the MF branch exactly the well-posed
 * biased MF, so the hybrid starts where MF is strong and the MLP learns the residual a dot
 * product cannot express, e.g. what occupation or genre add for users with few ratings.
 */
export function buildHybridModel(options: HybridOptions): BuiltModel {
  const { seed } = options;
  const inputs = indexInputs();

  const mf = mfBranch(inputs, options);
  const head = ratingHead('mlp_rating', 0, seed);
  const mlp = head.apply(mlpBranch(inputs, options)) as tf.SymbolicTensor;

  const sum = tf.layers.add({ name: 'fused' })
    .apply([mf.dot, mlp, mf.userBias.output, mf.itemBias.output]) as tf.SymbolicTensor;
  const rating = new GlobalBias({ name: 'global_offset', initial: options.globalMean })
    .apply(sum) as tf.SymbolicTensor;

  const model = tf.model({ inputs: [inputs.user, inputs.item], outputs: rating, name: 'hybrid' });
  return { model, penalty: biasedFactorPenalty(mf, options.l2) };
}

type Inputs = ReturnType<typeof indexInputs>;

function mfBranch(inputs: Inputs, options: HybridOptions) {
  const { numUsers, numItems, factors, seed } = options;
  return biasedFactors(inputs, {
    numUsers, numItems, factors, seed,
    names: { userFactors: 'mf_user', itemFactors: 'mf_item', dot: 'mf_dot' },
  });
}

function mlpBranch(inputs: Inputs, options: HybridOptions): tf.SymbolicTensor {
  const { seed } = options;
  const spec = { width: options.embedding, seed, stddev: 0.05 };
  const parts = [
    embed(inputs.user, { ...spec, name: 'mlp_user', rows: options.numUsers }).output,
    embed(inputs.item, { ...spec, name: 'mlp_item', rows: options.numItems }).output,
  ];
  const { userFeatures, itemFeatures } = options;
  if (userFeatures) parts.push(featureLookup(inputs.user, 'user_side', userFeatures));
  if (itemFeatures) parts.push(featureLookup(inputs.item, 'item_side', itemFeatures));

  const joined = tf.layers.concatenate({ name: 'mlp_input' }).apply(parts) as tf.SymbolicTensor;
  let x = new SeededDropout({
    name: 'mlp_input_dropout', rate: options.dropout, seed: deriveSeed(seed, 'drop0'),
  }).apply(joined) as tf.SymbolicTensor;
  options.hidden.forEach((units, index) => {
    x = denseBlock(x, units, options.dropout, seed, index + 1, options.batchNorm ?? false);
  });
  return x;
}
