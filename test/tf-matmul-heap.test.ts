import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';

// Regression: the fused product read its bias from the wasm heap before allocating its
// output. When that allocation grew the heap, the bias view was detached (length 0) and
// the bias silently dropped, which broke every dense layer of a large enough batch.
test('a fused product whose output grows the wasm heap keeps its bias', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const heap = () => ((tf.backend() as BackendWasm).wasm as unknown as { HEAPU8: Uint8Array })
    .HEAPU8.length;
  const heapBytes = heap();

  // An output larger than the whole heap must grow it.
  const columns = 16;
  const rows = Math.ceil((heapBytes + (1 << 20)) / (columns * 4));
  const bias = Float32Array.from({ length: columns }, (_, j) => j + 1);
  const result = tf.tidy(() => tf.fused.matMul({
    a: tf.ones([rows, 4]), b: tf.fill([4, columns], 0.5), bias: tf.tensor1d(bias),
    activation: 'relu',
  }));
  assert.ok(heap() > heapBytes, 'the heap did not grow');

  const values = result.dataSync();
  result.dispose();
  for (const row of [0, rows >> 1, rows - 1]) {
    for (let j = 0; j < columns; j++) assert.is(values[row * columns + j], 2 + bias[j]);
  }
});

test.run();
