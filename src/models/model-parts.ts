import { tf } from '../tf/tf.ts';
import { deriveSeed31 as deriveSeed } from '../util/seeded-random.ts';
import type { FusedObjective } from './fused-mf-objective.ts';

/** What a model builder returns: the Keras-style model and its training-only penalty. */
export interface BuiltModel {
  model: tf.LayersModel;
  /**
   * L2 on the embedding rows a batch touches (the classic per-rating MF regulariser), or
   * undefined. Penalising whole tables each batch would shrink rare users' rows as often as
   * frequent ones'; this way each row is shrunk in proportion to how often it is used.
   */
  penalty?: (users: tf.Tensor, items: tf.Tensor) => tf.Scalar;
  /**
   * The same objective (MSE plus penalty) in few kernels, where the model has one; the trainer
   * uses it on backends that have those kernels.
   */
  fusedObjective?: FusedObjective;
}

/** The two integer inputs every model takes: dense user and item indices, shape [batch, 1]. */
export function indexInputs(): { user: tf.SymbolicTensor; item: tf.SymbolicTensor } {
  return {
    user: tf.input({ shape: [1], dtype: 'int32', name: 'user' }),
    item: tf.input({ shape: [1], dtype: 'int32', name: 'item' }),
  };
}

export interface EmbeddingSpec {
  name: string;
  rows: number;
  width: number;
  seed: number;
  /** Standard deviation of the normal initialiser; 0 starts every row at zero (biases). */
  stddev: number;
}

/** An embedding lookup flattened to [batch, width], with the layer for its penalty. */
export function embed(input: tf.SymbolicTensor, spec: EmbeddingSpec) {
  const initializer = spec.stddev === 0
    ? tf.initializers.zeros()
    : tf.initializers.randomNormal({ stddev: spec.stddev, seed: deriveSeed(spec.seed, spec.name) });
  const layer = tf.layers.embedding({
    name: spec.name,
    inputDim: spec.rows,
    outputDim: spec.width,
    embeddingsInitializer: initializer,
  });
  const flat = tf.layers.flatten({ name: `${spec.name}_flat` });
  return { layer, output: flat.apply(layer.apply(input)) as tf.SymbolicTensor };
}

/**
 * A user and an item bias (`user_bias`, `item_bias`: saved models and folding look them up
 * by name), one scalar per row, starting at zero.
 */
export function biasLookups(
  inputs: { user: tf.SymbolicTensor; item: tf.SymbolicTensor },
  sizes: { numUsers: number; numItems: number; seed: number },
) {
  const bias = { width: 1, seed: sizes.seed, stddev: 0 };
  return {
    userBias: embed(inputs.user, { ...bias, name: 'user_bias', rows: sizes.numUsers }),
    itemBias: embed(inputs.item, { ...bias, name: 'item_bias', rows: sizes.numItems }),
  };
}

/**
 * A frozen lookup table of side features (one row per user or item), stored with the model's
 * weights so a saved model predicts from indices alone.
 */
export function featureLookup(
  input: tf.SymbolicTensor,
  name: string,
  table: { values: Float32Array; width: number },
): tf.SymbolicTensor {
  const rows = table.values.length / table.width;
  const layer = tf.layers.embedding({
    name,
    inputDim: rows,
    outputDim: table.width,
    trainable: false,
    weights: [tf.tensor2d(table.values, [rows, table.width])],
  });
  const flat = tf.layers.flatten({ name: `${name}_flat` });
  return flat.apply(layer.apply(input)) as tf.SymbolicTensor;
}

/** Sum over the batch of the squared norms of the rows looked up, times l2, per rating. */
export function rowPenalty(
  l2: number,
  lookups: { layer: tf.layers.Layer; indices: 'users' | 'items' }[],
): (users: tf.Tensor, items: tf.Tensor) => tf.Scalar {
  return (users, items) => tf.tidy(() => {
    const terms = lookups.map(({ layer, indices }) => {
      const table = layer.getWeights()[0];
      const rows = tf.gather(table, (indices === 'users' ? users : items).flatten());
      return tf.sum(tf.square(rows));
    });
    return tf.mul(tf.addN(terms), l2 / users.shape[0]!) as tf.Scalar;
  });
}
