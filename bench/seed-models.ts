import { tf } from '../src/tf/tf.ts';

/** The seed's two models, rebuilt as they were so the benchmark measures the same arithmetic. */
export const seedSizes = { users: 944, items: 1683 };

export function buildSeedDnn(embedding = 64, hidden = 256, layers = 3): tf.LayersModel {
  const user = tf.input({ shape: [1], name: 'user' });
  const item = tf.input({ shape: [1], name: 'item' });
  const userVector = embed(user, seedSizes.users, embedding, 'user_embedding');
  const itemVector = embed(item, seedSizes.items, embedding, 'item_embedding');

  let x = tf.layers.concatenate().apply([userVector, itemVector]) as tf.SymbolicTensor;
  for (let i = 0; i < layers; i++) {
    x = tf.layers.dense({ units: hidden, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
    x = tf.layers.dropout({ rate: 0.2 }).apply(x) as tf.SymbolicTensor;
  }
  const out = tf.layers.dense({ units: 1 }).apply(x) as tf.SymbolicTensor;
  return compiled(tf.model({ inputs: [user, item], outputs: out }));
}

export function buildSeedMf(factors = 16): tf.LayersModel {
  const user = tf.input({ shape: [1], name: 'user' });
  const item = tf.input({ shape: [1], name: 'item' });
  const userVector = embed(user, seedSizes.users, factors, 'user_factors');
  const itemVector = embed(item, seedSizes.items, factors, 'item_factors');
  const userBias = embed(user, seedSizes.users, 1, 'user_bias');
  const itemBias = embed(item, seedSizes.items, 1, 'item_bias');

  const dot = tf.layers.dot({ axes: 1 }).apply([userVector, itemVector]) as tf.SymbolicTensor;
  const out = tf.layers.add().apply([dot, userBias, itemBias]) as tf.SymbolicTensor;
  return compiled(tf.model({ inputs: [user, item], outputs: out }));
}

function embed(input: tf.SymbolicTensor, rows: number, width: number, name: string) {
  const layer = tf.layers.embedding({ inputDim: rows, outputDim: width, name });
  return tf.layers.flatten().apply(layer.apply(input)) as tf.SymbolicTensor;
}

function compiled(model: tf.LayersModel): tf.LayersModel {
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError' });
  return model;
}
