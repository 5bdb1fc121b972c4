import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { useFastWasmKernels } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';

const users = 30;
const items = 40;
const batch = 48;

/** A small DNN with every part the real one has but dropout: embeddings, dense, batch norm. */
function buildModel(): tf.LayersModel {
  const user = tf.input({ shape: [1], dtype: 'int32' });
  const item = tf.input({ shape: [1], dtype: 'int32' });
  const embed = (input: tf.SymbolicTensor, rows: number, seed: number) => tf.layers.flatten()
    .apply(tf.layers.embedding({
      inputDim: rows, outputDim: 8,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed }),
    }).apply(input)) as tf.SymbolicTensor;

  let x = tf.layers.concatenate().apply([embed(user, users, 1), embed(item, items, 2)]);
  for (const [units, seed] of [[24, 3], [12, 4]]) {
    x = tf.layers.dense({
      units, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }),
    }).apply(x);
    x = tf.layers.batchNormalization().apply(x);
  }
  const out = tf.layers.dense({
    units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
  }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: [user, item], outputs: out });
}

/** Ratings with structure to learn: a user effect plus an item effect. */
function batches(count: number): { u: Int32Array; i: Int32Array; r: Float32Array }[] {
  return Array.from({ length: count }, (_, b) => {
    const u = Int32Array.from({ length: batch }, (_, k) => (k * 7 + b * 3) % users);
    const i = Int32Array.from({ length: batch }, (_, k) => (k * 11 + b * 5) % items);
    const r = Float32Array.from(u, (user, k) => Math.sin(user) + Math.cos(i[k]));
    return { u, i, r };
  });
}

async function trainedWeights(backend: string, fast: boolean): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  if (backend === 'wasm') useFastWasmKernels(fast);

  const model = buildModel();
  const optimizer = tf.train.adam(0.01);
  for (const { u, i, r } of batches(12)) {
    tf.tidy(() => {
      const inputs = [tf.tensor2d(u, [batch, 1], 'int32'), tf.tensor2d(i, [batch, 1], 'int32')];
      optimizer.minimize(() => {
        const output = model.apply(inputs, { training: true }) as tf.Tensor;
        return tf.losses.meanSquaredError(tf.tensor2d(r, [batch, 1]), output) as tf.Scalar;
      });
    });
  }

  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  optimizer.dispose();
  model.dispose();
  return weights;
}

/** Largest difference between two sets of weights, relative to each weight's size (>= 1). */
function largestDifference(a: Float32Array[], b: Float32Array[]): number {
  assert.is(a.length, b.length);
  let largest = 0;
  a.forEach((weights, w) => {
    assert.is(weights.length, b[w].length);
    for (let k = 0; k < weights.length; k++) {
      const difference = Math.abs(weights[k] - b[w][k]) / Math.max(1, Math.abs(b[w][k]));
      largest = Math.max(largest, difference);
    }
  });
  return largest;
}

test('twelve Adam steps with the fast kernels end at the stock and cpu weights', async () => {
  await initBackend('wasm');

  const fast = await trainedWeights('wasm', true);
  const stock = await trainedWeights('wasm', false);
  const cpu = await trainedWeights('cpu', false);
  await tf.setBackend('wasm');
  useFastWasmKernels(true);

  // Training moved the weights, so the comparison below is not of initial values.
  const initial = await (async () => {
    const model = buildModel();
    const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
    model.dispose();
    return weights;
  })();
  assert.ok(largestDifference(fast, initial) > 0.01);

  // Measured: about 1.2e-7, float32 rounding of sums taken in another order.
  const [toStock, toCpu] = [largestDifference(fast, stock), largestDifference(fast, cpu)];
  assert.ok(toStock < 1e-5, `fast vs stock ${toStock}`);
  assert.ok(toCpu < 1e-5, `fast vs cpu ${toCpu}`);
});

test.run();
