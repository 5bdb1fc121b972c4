import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SimdModule } from '../src/tf/simd-module.ts';
import { sleb, uleb } from '../src/tf/wasm-encoder.ts';

test('LEB128 encodings match the examples of the format', () => {
  assert.equal(uleb(0), [0]);
  assert.equal(uleb(127), [0x7f]);
  assert.equal(uleb(624485), [0xe5, 0x8e, 0x26]);
  assert.equal(sleb(-1), [0x7f]);
  assert.equal(sleb(63), [0x3f]);
  assert.equal(sleb(64), [0xc0, 0x00]);
  assert.equal(sleb(-123456), [0xc0, 0xbb, 0x78]);
});

test('sumRows adds every row into the target, four floats at a time', () => {
  const kernels = new SimdModule();
  const heap = kernels.heap(8 + 3 * 8);
  heap.fill(0, 0, 8);
  heap.set([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 40, 50, 60, 70, 80, -1, -1, -1, -1, 0, 0, 0, 0], 8);

  kernels.sumRows(8 * 4, 0, 3, 8 * 4);

  assert.equal([...heap.subarray(0, 8)], [10, 21, 32, 43, 55, 66, 77, 88]);
});

test('gemm multiplies a plain A by a packed B into a padded C', () => {
  const kernels = new SimdModule();
  const heap = kernels.heap(1024);
  // A: 4 x 2 row-major; B: 2 x 8 as one panel, depth-major; C: 4 x 8.
  heap.set([1, 2, 3, 4, 5, 6, 7, 8], 0);
  heap.set([...Array(16)].map((_, k) => k), 100);

  kernels.gemm(0, 100 * 4, 200 * 4, 1, 1, 2, 8 * 4, 2 * 4, 4);

  const row = (a0: number, a1: number) => [...Array(8)].map((_, j) => a0 * j + a1 * (8 + j));
  assert.equal([...heap.subarray(200, 208)], row(1, 2));
  assert.equal([...heap.subarray(224, 232)], row(7, 8));
});

test.run();
