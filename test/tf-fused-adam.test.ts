import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { FusedAdam } from '../src/tf/fused-adam.ts';
import { tf } from '../src/tf/tf.ts';

function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = state / 1073741824 - 1;
  }
  return out;
}

/** Minimises a least-squares fit of two variables for `steps` steps; returns both and the state. */
async function fit(backend: string, optimizer: tf.Optimizer, steps: number) {
  await tf.setBackend(backend);
  const w = tf.variable(tf.tensor2d(values(12, 1), [4, 3]), true, `w-${backend}-${steps}`);
  const b = tf.variable(tf.tensor1d(values(3, 2)), true, `b-${backend}-${steps}`);
  const x = tf.tensor2d(values(40, 3), [10, 4]);
  const y = tf.tensor2d(values(30, 4), [10, 3]);

  for (let step = 0; step < steps; step++) {
    const loss = () => tf.losses.meanSquaredError(y, tf.add(tf.matMul(x, w), b)) as tf.Scalar;
    optimizer.minimize(loss);
  }
  const result = [...w.dataSync(), ...b.dataSync()];
  const state = (await optimizer.getWeights()).map((weight) => ({
    name: weight.name, values: [...weight.tensor.dataSync()],
  }));

  tf.dispose([w, b, x, y]);
  optimizer.dispose();
  return { result, state };
}

for (const backend of ['cpu', 'wasm']) {
  test(`on ${backend}, 25 FusedAdam steps equal tfjs's Adam to the bit, state too`, async () => {
    await initBackend('wasm');
    const plain = await fit(backend, tf.train.adam(0.05), 25);
    const fused = await fit(backend, new FusedAdam(0.05), 25);

    assert.equal(fused.result, plain.result);
    assert.equal(fused.state.map((s) => s.values), plain.state.map((s) => s.values));
    // The variables moved: equality is not of two untouched copies.
    const start = [...values(12, 1), ...values(3, 2)];
    const moved = Math.max(...fused.result.map((value, k) => Math.abs(value - start[k])));
    assert.ok(moved > 0.1, `largest move ${moved}`);
  });
}

test('FusedAdam keeps tfjs names for its state: iterations, m and v per variable', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const { state } = await fit('wasm', new FusedAdam(0.01), 2);

  assert.equal(state.map((s) => s.name.replace(/-wasm-2/, '')),
    ['iter', 'w/m', 'b/m', 'w/v', 'b/v']);
  assert.equal(state[0].values, [2]);
});

test.run();
