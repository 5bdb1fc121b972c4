import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sleb, uleb } from '../src/tf/wasm-encoder.ts';
import { functionsOn } from '../src/tf/wasm-heap.ts';

function heapOf(): { heap: Float32Array; functions: ReturnType<typeof functionsOn> } {
  const memory = new WebAssembly.Memory({ initial: 1 });
  return { heap: new Float32Array(memory.buffer), functions: functionsOn(memory) };
}

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
  const { heap, functions } = heapOf();
  heap.set([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 40, 50, 60, 70, 80, -1, -1, -1, -1, 0, 0, 0, 0], 8);

  functions.sumRows(8 * 4, 0, 3, 8 * 4);

  assert.equal([...heap.subarray(0, 8)], [10, 21, 32, 43, 55, 66, 77, 88]);
});

// A: 4 x 2 with A(i, k) = 2 i + k + 1; B: 2 x 8 with B(k, j) = 8 k + j, one panel.
const aValue = (i: number, k: number) => 2 * i + k + 1;
const expected = (i: number, j: number) => aValue(i, 0) * j + aValue(i, 1) * (8 + j);

test('gemm multiplies a packed A by a packed B into C, bias added', () => {
  const { heap, functions } = heapOf();
  // A as one row panel, depth-major: the four rows of depth 0, then of depth 1.
  for (let k = 0; k < 2; k++) for (let i = 0; i < 4; i++) heap[4 * k + i] = aValue(i, k);
  heap.set([...Array(16)].map((_, n) => n), 100);
  heap.set([...Array(8)].map((_, j) => 1000 * j), 150);

  functions.gemm(0, 100 * 4, 150 * 4, 200 * 4, 8 * 4, 1, 1, 2, 0);

  for (const i of [0, 3]) {
    const row = [...Array(8)].map((_, j) => expected(i, j) + 1000 * j);
    assert.equal([...heap.subarray(200 + 8 * i, 208 + 8 * i)], row);
  }
});

test('gemm applies ReLU as x < 0 ? 0 : x, after the bias', () => {
  const { heap, functions } = heapOf();
  // Negative B makes every product negative; NaN in B row 0, column 7; a bias of 40 lifts
  // row 0's first column (1 * -0 + 2 * -8 = -16) above zero.
  for (let k = 0; k < 2; k++) for (let i = 0; i < 4; i++) heap[4 * k + i] = aValue(i, k);
  heap.set([...Array(16)].map((_, n) => -n), 100);
  heap[100 + 7] = NaN;
  heap.set([40, 0, 0, 0, 0, 0, 0, 0], 150);

  functions.gemm(0, 100 * 4, 150 * 4, 200 * 4, 8 * 4, 1, 1, 2, 1);

  assert.equal([...heap.subarray(200, 207)], [24, 0, 0, 0, 0, 0, 0]);
  assert.ok(Number.isNaN(heap[207]));
});

test('transpose4 turns four rows into vectors of one column each', () => {
  const { heap, functions } = heapOf();
  // Two groups of four rows of 8 floats, row stride 8 floats, value 100 g + 10 r + q.
  for (let g = 0; g < 2; g++) {
    for (let r = 0; r < 4; r++) {
      for (let q = 0; q < 8; q++) heap[32 * g + 8 * r + q] = 100 * g + 10 * r + q;
    }
  }

  functions.transpose4(0, 8 * 4, 32 * 4, 100 * 4, 16, 32 * 4, 2, 2);

  for (let g = 0; g < 2; g++) {
    for (let q = 0; q < 8; q++) {
      const column = [0, 1, 2, 3].map((r) => 100 * g + 10 * r + q);
      assert.equal([...heap.subarray(100 + 32 * g + 4 * q, 104 + 32 * g + 4 * q)], column);
    }
  }
});

test('copyVectors copies whole vectors between two strided grids', () => {
  const { heap, functions } = heapOf();
  heap.set([...Array(48)].map((_, n) => n + 1), 0);

  // 2 x 3 blocks of two vectors each: block (o, n) from 8 (3 o + n) to 200 + 24 n + 8 o.
  functions.copyVectors(0, 3 * 32, 32, 200 * 4, 32, 3 * 32, 2, 3, 2);

  for (let o = 0; o < 2; o++) {
    for (let n = 0; n < 3; n++) {
      const from = 8 * (3 * o + n);
      const block = [...Array(8)].map((_, x) => from + x + 1);
      assert.equal([...heap.subarray(200 + 24 * n + 8 * o, 208 + 24 * n + 8 * o)], block);
    }
  }
});

test.run();
