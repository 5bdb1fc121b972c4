import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SeededDropout } from '../src/models/seeded-dropout.ts';
import { initBackend } from '../src/tf/backend.ts';
import { DROPOUT_MASK, dropoutMask, maskInJavaScript } from '../src/tf/dropout-mask-kernel.ts';
import { tf } from '../src/tf/tf.ts';

const maskValues = (shape: number[], rate: number, seed: number) => {
  const mask = dropoutMask(shape, rate, seed);
  const values = mask.dataSync() as Float32Array;
  mask.dispose();
  return values;
};

for (const rate of [0.1, 0.3, 0.5]) {
  test(`a mask at rate ${rate} drops that share of entries and scales the rest`, async () => {
    await initBackend('auto');
    const values = maskValues([512, 256], rate, 11);
    const kept = Math.fround(1 / (1 - rate));
    let dropped = 0;
    for (const value of values) {
      if (value === 0) dropped++;
      else assert.is(value, kept);
    }
    // 131,072 draws: the standard error of the share is under 0.0014.
    assert.ok(Math.abs(dropped / values.length - rate) < 0.006, `dropped ${dropped}`);
  });
}

test('masks repeat for a seed, differ between nearby seeds, and have no visible period', () => {
  const a = maskValues([64, 64], 0.3, 5);
  assert.equal([...a], [...maskValues([64, 64], 0.3, 5)]);

  const b = maskValues([64, 64], 0.3, 6);
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  // Independent masks agree on 0.7^2 + 0.3^2 = 58% of entries.
  assert.ok(Math.abs(same / a.length - 0.58) < 0.03, `seeds 5 and 6 agree on ${same}`);

  // Consecutive rows of one mask are as unrelated as two masks.
  let rowSame = 0;
  for (let k = 64; k < a.length; k++) if (a[k] === a[k - 64]) rowSame++;
  assert.ok(Math.abs(rowSame / (a.length - 64) - 0.58) < 0.03);
});

test('the layer masks in training, anew each call, and is the identity otherwise', async () => {
  await initBackend('auto');
  const layer = new SeededDropout({ rate: 0.5, seed: 3 });
  const input = tf.ones([32, 16]);
  const first = layer.apply(input, { training: true }) as tf.Tensor;
  const second = layer.apply(input, { training: true }) as tf.Tensor;
  const inference = layer.apply(input) as tf.Tensor;

  assert.equal([...inference.dataSync()], [...input.dataSync()]);
  assert.ok(first.dataSync().every((v) => v === 0 || v === 2));
  assert.not.equal([...first.dataSync()], [...second.dataSync()]);
  tf.dispose([input, first, second, inference]);
});

test('the wasm kernel draws the JavaScript generator\'s masks bit for bit', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  assert.ok(tf.getKernel(DROPOUT_MASK, 'wasm'), 'the kernel is what is tested');
  for (const [shape, rate, seed] of [
    [[1024, 256], 0.3, 7], [[3, 5], 0.2, -1], [[1], 0.5, 0], [[2], 0.4, 3], [[0, 4], 0.3, 2],
    [[77], 0, 9],
  ] as [number[], number, number][]) {
    const fromKernel = maskValues(shape, rate, seed);
    const fromJavaScript = maskInJavaScript({ shape, rate, seed });
    assert.equal(Buffer.from(fromKernel.buffer, fromKernel.byteOffset, fromKernel.byteLength),
      Buffer.from(fromJavaScript.buffer), `shape ${shape}, rate ${rate}, seed ${seed}`);
  }
});

test.run();
