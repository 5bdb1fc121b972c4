import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

async function on(backend: string, fn: () => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(backend);
  const result = tf.tidy(fn);
  const data = result.dataSync() as Float32Array;
  result.dispose();
  return data;
}

/** Float32 sums in another order differ by rounding, which grows with the depth. */
function close(actual: Float32Array, expected: Float32Array, depth: number) {
  assert.is(actual.length, expected.length);
  const tolerance = 1e-6 * Math.max(8, depth);
  for (let i = 0; i < actual.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (Math.abs(actual[i] - expected[i]) > tolerance * scale) {
      assert.unreachable(`index ${i}: ${actual[i]} differs from ${expected[i]}`);
    }
  }
}

const sizes: [number, number, number][] = [
  [1, 1, 1], [3, 5, 7], [4, 8, 8], [17, 33, 9], [64, 128, 256], [256, 130, 1], [5, 1, 300],
  // Whole tiles with whole vectors of depth (SIMD packing), and with a ragged depth.
  [12, 20, 16], [8, 6, 24],
];

for (const [m, k, n] of sizes) {
  const flags = [[false, false], [true, false], [false, true], [true, true]];
  for (const [transposeA, transposeB] of flags) {
    test(`matMul ${m}x${k} by ${k}x${n}, transposeA=${transposeA} B=${transposeB}`, async () => {
      await initBackend('wasm');
      const a = values(m * k, m + 7 * k);
      const b = values(k * n, n + 11 * k);
      const product = () => tf.matMul(
        tf.tensor2d(a, transposeA ? [k, m] : [m, k]),
        tf.tensor2d(b, transposeB ? [n, k] : [k, n]),
        transposeA, transposeB);

      close(await on('wasm', product), await on('cpu', product), k);
    });
  }
}

test('a batch of 256 tiny products (the stock kernel does these) equals cpu', async () => {
  await initBackend('wasm');
  const rows = (seed: number) => tf.tensor3d(values(256 * 16, seed), [256, 1, 16]);
  const dots = () => tf.matMul(rows(10), rows(11), false, true);

  close(await on('wasm', dots), await on('cpu', dots), 16);
});

test('batched matMul, and a batch of one broadcast against three', async () => {
  await initBackend('wasm');
  const batched = () => tf.matMul(
    tf.tensor3d(values(3 * 50 * 6, 1), [3, 50, 6]), tf.tensor3d(values(3 * 6 * 19, 2), [3, 6, 19]));
  const broadcast = () => tf.matMul(
    tf.tensor3d(values(50 * 6, 3), [1, 50, 6]), tf.tensor3d(values(3 * 19 * 6, 4), [3, 19, 6]),
    false, true);

  close(await on('wasm', batched), await on('cpu', batched), 6);
  close(await on('wasm', broadcast), await on('cpu', broadcast), 6);
});

// elu goes to the stock kernel; its transposed path adds the last bias to every row past the
// first (tfjs 4.22), so elu is checked untransposed only.
const fusedCases = [['linear', true], ['relu', true], ['linear', false], ['elu', false]] as const;

for (const [activation, transposeB] of fusedCases) {
  test(`fused matMul, bias, ${activation}, transposeB=${transposeB}: equals cpu`, async () => {
    await initBackend('wasm');
    const fused = () => tf.fused.matMul({
      a: tf.tensor2d(values(37 * 21, 5), [37, 21]),
      b: tf.tensor2d(values(19 * 21, 6), transposeB ? [19, 21] : [21, 19]),
      transposeB,
      bias: tf.tensor1d(values(19, 7)),
      activation,
    });

    close(await on('wasm', fused), await on('cpu', fused), 21);
  });
}

test('a bias that is not a row is left to tfjs, which refuses it', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  // [3, 1] has as many values as the product has columns, but would add per row.
  const fused = () => tf.fused.matMul({
    a: tf.eye(3), b: tf.eye(3), bias: tf.tensor2d([10, 20, 30], [3, 1]),
  });
  assert.throws(() => tf.tidy(fused), /rank-1 bias/);
});

test('gradients of a dense layer equal the cpu reference', async () => {
  await initBackend('wasm');
  const gradients = () => {
    const x = tf.tensor2d(values(33 * 20, 8), [33, 20]);
    const w = tf.tensor2d(values(20 * 12, 9), [20, 12]);
    const loss = (xs: tf.Tensor, ws: tf.Tensor) =>
      tf.sum(tf.square(tf.relu(tf.matMul(xs as tf.Tensor2D, ws as tf.Tensor2D))));
    const [dx, dw] = tf.grads(loss)([x, w]);
    return tf.concat([dx.flatten(), dw.flatten()]);
  };

  close(await on('wasm', gradients), await on('cpu', gradients), 33);
});

test.run();
