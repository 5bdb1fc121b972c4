import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpuUnsortedSegmentSum } from '../src/tf/cpu-unsorted-segment-sum.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

/** Runs fn on cpu with tfjs's UnsortedSegmentSum, then with ours, and restores tfjs's. */
async function bothWays(fn: () => tf.Tensor): Promise<[number[], number[]]> {
  await tf.setBackend('cpu');
  const stock = tf.getKernel('UnsortedSegmentSum', 'cpu')!;
  const run = () => {
    const result = tf.tidy(fn);
    const data = [...result.dataSync()];
    result.dispose();
    return data;
  };

  const expected = run();
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel(cpuUnsortedSegmentSum);
  try {
    return [run(), expected];
  } finally {
    tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
    tf.registerKernel(stock);
  }
}

test('cpu UnsortedSegmentSum equals tfjs: rows into segments, bad ids dropped', async () => {
  const [actual, expected] = await bothWays(() => tf.unsortedSegmentSum(
    tf.tensor2d(values(7 * 3, 1), [7, 3]), tf.tensor1d([4, 0, 4, 9, -1, 2, 0], 'int32'), 5));

  assert.is(actual.length, 15);
  actual.forEach((value, k) => assert.ok(Math.abs(value - expected[k]) < 1e-6, `index ${k}`));
});

test('cpu embedding gradients equal tfjs', async () => {
  const [actual, expected] = await bothWays(() => {
    const table = tf.tensor2d(values(50 * 4, 2), [50, 4]);
    const ids = tf.tensor1d([3, 1, 3, 49, 0, 3], 'int32');
    const weights = tf.tensor2d(values(6 * 4, 3), [6, 4]);
    return tf.grad((e: tf.Tensor) => tf.sum(tf.mul(tf.gather(e, ids), weights)))(table);
  });

  assert.ok(actual.some((value) => value !== 0));
  actual.forEach((value, k) => assert.ok(Math.abs(value - expected[k]) < 1e-6, `index ${k}`));
});

test('int32 sums stay exact', async () => {
  const [actual, expected] = await bothWays(() => tf.unsortedSegmentSum(
    tf.tensor1d([5, -2, 7, 1], 'int32'), tf.tensor1d([1, 1, 0, 2], 'int32'), 3));

  assert.equal(actual, [7, 3, 1]);
  assert.equal(actual, expected);
});

test.run();
