import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

async function on(backend: string, fn: () => tf.Tensor) {
  await tf.setBackend(backend);
  const result = tf.tidy(fn);
  const data = [...result.dataSync()];
  result.dispose();
  return { shape: result.shape, data };
}

async function sameOnBoth(fn: () => tf.Tensor, tolerance = 1e-5): Promise<void> {
  await initBackend('wasm');
  const wasm = await on('wasm', fn);
  const cpu = await on('cpu', fn);

  assert.equal(wasm.shape, cpu.shape);
  for (let i = 0; i < cpu.data.length; i++) {
    if (Math.abs(wasm.data[i] - cpu.data[i]) > tolerance * Math.max(1, Math.abs(cpu.data[i]))) {
      assert.unreachable(`index ${i}: ${wasm.data[i]} differs from ${cpu.data[i]}`);
    }
  }
}

const tiles: [number[], number[]][] = [
  [[1, 1, 1, 7], [1, 1, 5, 1]], [[3], [4]], [[2, 3], [3, 2]], [[4, 1], [1, 6]],
  [[2, 1, 3], [2, 3, 1]], [[5, 2], [1, 1]],
];

for (const [shape, reps] of tiles) {
  test(`tile ${JSON.stringify(shape)} by ${JSON.stringify(reps)} equals cpu`, async () => {
    const size = shape.reduce((a, b) => a * b, 1);
    await sameOnBoth(() => tf.tile(tf.tensor(values(size, size), shape), reps));
  });
}

test('tile of int32 values keeps them exact', async () => {
  await sameOnBoth(() => tf.tile(tf.tensor2d([[1, -2, 3]], [1, 3], 'int32'), [2, 2]), 0);
});

const reductions: [number[], number | number[], boolean][] = [
  [[256, 9], 0, false], [[7, 5, 3], [0, 1], true], [[7, 5, 3], [1, 0], false],
  [[2, 3, 4, 5], [0, 1, 2], true], [[6, 4], 1, false], [[6, 4], [0, 1], false],
  [[5, 3, 2], [0, 2], true], [[8, 3], -2, false],
  // Widths that are whole vectors of four take the SIMD path.
  [[64, 12], 0, false], [[3, 4, 8], 0, true], [[1, 1, 256, 256], [0, 1, 2], false],
];

for (const [shape, axis, keepDims] of reductions) {
  for (const op of ['sum', 'mean'] as const) {
    const axes = JSON.stringify(axis);
    test(`${op} of ${JSON.stringify(shape)} over ${axes}, keepDims=${keepDims}`, async () => {
      const size = shape.reduce((a, b) => a * b, 1);
      await sameOnBoth(() => tf[op](tf.tensor(values(size, 3 + size), shape), axis, keepDims));
    });
  }
}

const gathers: [number[], number[], number[]][] = [
  [[10, 4], [3], [7, 0, 7]], [[1682, 16], [6], [1681, 0, 5, 5, 800, 2]],
  [[5, 2, 3], [2, 2], [4, 0, 1, 4]], [[9, 40], [4], [8, 1, 0, 3]], [[6], [3], [5, 5, 0]],
];

for (const [shape, indexShape, ids] of gathers) {
  test(`gather rows of ${JSON.stringify(shape)} by ${JSON.stringify(ids)} equals cpu`, async () => {
    const size = shape.reduce((a, b) => a * b, 1);
    await sameOnBoth(() => tf.gather(tf.tensor(values(size, size), shape),
      tf.tensor(ids, indexShape, 'int32')), 0);
  });
}

test('gather along another axis goes to the stock kernel and equals cpu', async () => {
  await sameOnBoth(() => tf.gather(tf.tensor(values(24, 24), [4, 6]), [5, 0, 2], 1), 0);
});

test('gather with an index out of range names it', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const table = tf.tensor2d(values(8, 1), [4, 2]);

  assert.throws(() => tf.gather(table, tf.tensor1d([1, 4], 'int32')), /index value 4 .*\[0, 3\]/);
  table.dispose();
});

test('a clone shares its data on wasm, outlives its original, is freed with the last', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const before = tf.memory().numDataBuffers;
  const original = tf.tensor([1.5, -2, 3], [3, 1]);
  const copy = original.clone();
  assert.is(tf.memory().numDataBuffers, before + 1, 'one buffer for the two tensors');
  original.dispose();
  assert.equal([...copy.dataSync()], [1.5, -2, 3]);
  assert.equal(copy.shape, [3, 1]);

  const variable = tf.variable(copy);
  const snapshot = variable.clone();
  const doubled = tf.mul(variable, 2);
  variable.assign(doubled);
  assert.equal([...snapshot.dataSync()], [1.5, -2, 3], 'a clone keeps the value assigned over');
  assert.equal([...variable.dataSync()], [3, -4, 6]);

  tf.dispose([copy, variable, snapshot, doubled]);
  assert.is(tf.memory().numDataBuffers, before);
});

test('sum of int32 values goes to the stock kernel and stays int32', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const total = tf.tidy(() => tf.sum(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), 0));

  assert.is(total.dtype, 'int32');
  assert.equal([...total.dataSync()], [4, 6]);
});

test.run();
