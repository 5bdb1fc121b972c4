import { existsSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';

/** Runs fn on a backend and returns plain arrays, so two backends can be compared. */
async function on(backend: string, fn: () => tf.Tensor): Promise<number[]> {
  await tf.setBackend(backend);
  return tf.tidy(fn).dataSync() as unknown as number[];
}

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5) {
  assert.is(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (Math.abs(actual[i] - expected[i]) > tolerance) {
      assert.unreachable(`index ${i}: ${actual[i]} differs from ${expected[i]}`);
    }
  }
}

test('auto picks wasm here, where tfjs-node cannot install, and says why', async () => {
  const choice = await initBackend('auto');

  assert.is(choice.name, tf.getBackend());
  assert.ok(['tensorflow', 'wasm'].includes(choice.name));
  if (choice.name === 'wasm') assert.match(choice.skipped[0], /^tensorflow: /);

  const installed = existsSync(new URL('../node_modules/@tensorflow/tfjs-node', import.meta.url));
  if (!installed) assert.equal(choice.skipped, ['tensorflow: not installed']);
});

test('the wasm UnsortedSegmentSum sums rows into their segments and drops bad ids', async () => {
  await initBackend('auto');
  const x = () => tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
  const ids = () => tf.tensor1d([2, 0, 2, 9], 'int32');

  const sums = await on('wasm', () => tf.unsortedSegmentSum(x(), ids(), 3));

  close(sums, [3, 4, 0, 0, 6, 8]);
});

test('embedding gradients on wasm equal the cpu reference', async () => {
  await initBackend('auto');
  const table = [...Array(40)].map((_, i) => Math.sin(i));
  const indices = [3, 1, 3, 7, 0, 3];
  const weights = [...Array(24)].map((_, i) => Math.cos(i));

  const gradient = () => {
    const embeddings = tf.tensor2d(table, [10, 4]);
    const loss = (e: tf.Tensor) =>
      tf.sum(tf.mul(tf.gather(e, tf.tensor1d(indices, 'int32')), tf.tensor2d(weights, [6, 4])));
    return tf.grad(loss)(embeddings);
  };

  close(await on('wasm', gradient), await on('cpu', gradient));
});

test.run();
