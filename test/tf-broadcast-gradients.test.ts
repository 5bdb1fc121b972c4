import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { initBackend } from '../src/tf/backend.ts';
import { useBroadcastGradients } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

/** Reductions whose gradients flow through Mean and Sum, over axes of every kind. */
const cases: [string, (x: tf.Tensor) => tf.Tensor][] = [
  ['mean over the batch', (x) => tf.mean(x, 0)],
  ['mean over the last axis, kept', (x) => tf.mean(x, -1, true)],
  ['mean of everything', (x) => tf.mean(x)],
  ['sum over two axes', (x) => tf.sum(x, [0, 2])],
  ['sum over the middle axis, kept', (x) => tf.sum(x, 1, true)],
  ['moments, as batch norm takes them', (x) => {
    const { mean, variance } = tf.moments(x, [0, 1]);
    return tf.add(mean, variance);
  }],
];

/** d(sum of reduction(x) * weights)/dx: a gradient that differs per output entry. */
function gradient(reduce: (x: tf.Tensor) => tf.Tensor): number[] {
  return tf.tidy(() => {
    const x = tf.tensor(values(5 * 6 * 7, 3), [5, 6, 7]);
    const grad = tf.grad((input: tf.Tensor) => {
      const out = reduce(input);
      const weights = tf.tensor(values(out.size, 4), out.shape);
      return tf.sum(tf.mul(out, weights));
    })(x);
    return [...grad.dataSync()];
  });
}

for (const backend of ['wasm', 'cpu']) {
  for (const [name, reduce] of cases) {
    test(`${backend}: the gradient of ${name} is bit for bit tfjs's`, async () => {
      await initBackend('auto');
      await tf.setBackend(backend);
      useBroadcastGradients(false);
      const stock = gradient(reduce);
      useBroadcastGradients(true);
      const ours = gradient(reduce);

      assert.equal(ours, stock);
      assert.ok(ours.every((value) => value !== 0), 'every entry gets a gradient');
      // A reduction to several outputs gives entries different gradients.
      if (name !== 'mean of everything') assert.ok(new Set(ours).size > 1);
    });
  }
}

test('the sum of int32 values has a float32 gradient, as with tfjs\'s', async () => {
  await initBackend('auto');
  useBroadcastGradients(true);
  const grad = tf.tidy(() => {
    const x = tf.tensor([1, 2, 3, 4], [2, 2], 'int32');
    return tf.grad((input: tf.Tensor) => tf.sum(tf.sum(input, 1)))(x).dataSync();
  });
  assert.is(grad.constructor, Float32Array);
  assert.equal([...grad], [1, 1, 1, 1]);
});

test.run();
