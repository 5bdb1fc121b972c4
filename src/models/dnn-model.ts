import { tf } from '../tf/tf.ts';
import {
  biasLookups, embed, indexInputs, rowPenalty, type BuiltModel,
} from './model-parts.ts';
import { deriveSeed31 as deriveSeed } from '../util/seeded-random.ts';
import { batchNormalization } from './fused-batch-norm.ts';
import { SeededDropout } from './seeded-dropout.ts';

export interface DnnOptions {
  numUsers: number;
  numItems: number;
  /** Width of the user and item embeddings. */
  embedding: number;
  /** Units of each dense block (dense + ReLU, batch norm, dropout). */
  hidden: number[];
  /** Dropout on the embeddings. */
  embeddingDropout: number;
  /** Dropout after each dense block. */
  dropout: number;
  /** Mean scaled training rating: the output's bias starts there. */
  globalMean: number;
  /** Per-rating L2 weight on the embedding rows a batch uses; 0 (default) for none. */
  l2?: number;
  /**
   * User and item bias terms added to the output (false, the default, is the reference
   * architecture; the head's own bias is the global offset either way).
   */
  biases?: boolean;
  seed: number;
}

/**
 * The deep model: user and item embeddings with dropout, concatenated, dense blocks, one
 * linear output. With 64-wide embeddings and three blocks of 256 its parameter count is
 *   embeddings   (numUsers + numItems) x 64
 *   block 1      128 x 256 + 256, batch norm 4 x 256 (gamma, beta, moving mean and variance)
 *   blocks 2, 3  2 x (256 x 256 + 256 + 4 x 256)
 *   output       256 + 1
 * = (numUsers + numItems) x 64 + 167,937. The reference's 336,065 is this with 944 + 1,683
 * rows (raw 1-based ids); with our dense 0-based indices it is 335,937 (334,401 trainable:
 * the moving statistics are not trained). `biases` adds numUsers + numItems.
 *
 * Why the biases: most of what MovieLens ratings explain is how generous a user is and how
 * well liked an item is. The MLP can learn those only through its embeddings and three
 * nonlinear layers, under dropout; the two scalars beside the output (b_u + b_i, as in
 * biased MF) learn them directly, and the MLP is left the interaction.
 */
export function buildDnnModel(options: DnnOptions): BuiltModel {
  const { seed } = options;
  const inputs = indexInputs();

  const spec = { width: options.embedding, seed, stddev: 0.05 };
  const user = embed(inputs.user, { ...spec, name: 'user_embedding', rows: options.numUsers });
  const item = embed(inputs.item, { ...spec, name: 'item_embedding', rows: options.numItems });
  const joined = tf.layers.concatenate({ name: 'joined' })
    .apply([user.output, item.output]) as tf.SymbolicTensor;

  let x = new SeededDropout({
    name: 'embedding_dropout', rate: options.embeddingDropout, seed: deriveSeed(seed, 'drop0'),
  }).apply(joined) as tf.SymbolicTensor;
  options.hidden.forEach((units, index) => {
    x = denseBlock(x, units, options.dropout, seed, index + 1);
  });

  let output = ratingHead('rating', options.globalMean, seed).apply(x) as tf.SymbolicTensor;
  const lookups: Parameters<typeof rowPenalty>[1] = [
    { layer: user.layer, indices: 'users' },
    { layer: item.layer, indices: 'items' },
  ];
  if (options.biases) {
    const { userBias, itemBias } = biasLookups(inputs, options);
    output = tf.layers.add({ name: 'biased_rating' })
      .apply([output, userBias.output, itemBias.output]) as tf.SymbolicTensor;
    lookups.push(
      { layer: userBias.layer, indices: 'users' },
      { layer: itemBias.layer, indices: 'items' },
    );
  }

  const model = tf.model({ inputs: [inputs.user, inputs.item], outputs: output, name: 'dnn' });
  const l2 = options.l2 ?? 0;
  return { model, penalty: l2 > 0 ? rowPenalty(l2, lookups) : undefined };
}

/** Dense + ReLU, batch normalisation (unless turned off), dropout: one block of an MLP. */
export function denseBlock(
  input: tf.SymbolicTensor,
  units: number,
  dropout: number,
  seed: number,
  index: number,
  batchNorm = true,
): tf.SymbolicTensor {
  const dense = tf.layers.dense({
    name: `dense_${index}`, units, activation: 'relu',
    kernelInitializer: tf.initializers.heNormal({ seed: deriveSeed(seed, `dense_${index}`) }),
  });
  const drop = new SeededDropout({
    name: `dropout_${index}`, rate: dropout, seed: deriveSeed(seed, `drop${index}`),
  });
  let x = dense.apply(input) as tf.SymbolicTensor;
  // Momentum 0.9, not tfjs's 0.99: with large batches an epoch has under a hundred steps,
  // and at 0.99 the moving statistics would still be half their initial values after one.
  const norm = batchNormalization({ name: `norm_${index}`, momentum: 0.9 });
  if (batchNorm) x = norm.apply(x) as tf.SymbolicTensor;
  return drop.apply(x) as tf.SymbolicTensor;
}

/**
 * The linear output unit of an MLP. It starts near a constant (small weights, bias at the
 * mean rating): with default initialisers the first predictions of a wide batch-normalised
 * block land several stars off the scale, and the first epochs go to undoing that.
 */
export function ratingHead(name: string, bias: number, seed: number): tf.layers.Layer {
  return tf.layers.dense({
    name, units: 1,
    kernelInitializer: tf.initializers.randomNormal({ stddev: 0.01, seed: deriveSeed(seed, name) }),
    biasInitializer: tf.initializers.constant({ value: bias }),
  });
}
