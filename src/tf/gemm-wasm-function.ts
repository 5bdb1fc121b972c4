import { i32, op, v128, type WasmFunction } from './wasm-encoder.ts';

/** Rows and columns of C one micro-kernel call computes; operands are padded to these. */
export const tileRows = 4;
export const tileColumns = 8;

const vectorsPerRow = tileColumns / 4;

// Parameters, then locals, by index.
const [ap, bp, cp, mPanels, nPanels, depth, rowBytes, aRowStride, aDepthStride] =
  [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [j, i, b, k, c, bPanel] = [9, 10, 11, 12, 13, 14];
const firstARow = 15;
const firstAccumulator = firstARow + tileRows;
const splat = firstAccumulator + tileRows * vectorsPerRow;
const firstB = splat + 1;

const accumulator = (row: number, vector: number) =>
  firstAccumulator + row * vectorsPerRow + vector;

/**
 * gemm(ap, bp, cp, mPanels, nPanels, depth, rowBytes, aRowStride, aDepthStride) computes
 * C = A B. A is read where it lies: element (row, k) at ap + row * aRowStride + k *
 * aDepthStride bytes, so a plain and a transposed A are both read without packing, with
 * rows padded to whole tiles. B is packed in panels of `tileColumns` columns stored
 * depth-major; C is row-major with padded rows of `rowBytes`. Each tile keeps its sums in
 * registers over the whole depth, so C is written once.
 */
export function gemmFunction(): WasmFunction {
  const body = [
    ...op.loop,
    ...set(bPanel, [...get(bp), ...get(j), ...get(depth), ...op.i32Mul,
      ...op.i32Const(tileColumns * 4), ...op.i32Mul, ...op.i32Add]),
    ...set(i, op.i32Const(0)),
    ...rowPanelLoop(),
    ...increment(j, 1),
    ...get(j), ...get(nPanels), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  const vectors = tileRows * vectorsPerRow + 1 + vectorsPerRow;
  const locals: [number, number][] = [[6 + tileRows, i32], [vectors, v128]];
  return { name: 'gemm', params: new Array(9).fill(i32), locals, body };
}

function rowPanelLoop(): number[] {
  const zeroAll = [];
  for (let r = 0; r < tileRows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) zeroAll.push(...set(accumulator(r, v), op.v128Zero));
  }
  const rowPointers = [];
  for (let r = 0; r < tileRows; r++) {
    rowPointers.push(...set(firstARow + r, [
      ...get(i), ...op.i32Const(tileRows), ...op.i32Mul, ...op.i32Const(r), ...op.i32Add,
      ...get(aRowStride), ...op.i32Mul, ...get(ap), ...op.i32Add,
    ]));
  }
  return [
    ...op.loop,
    ...zeroAll,
    ...rowPointers,
    ...set(b, get(bPanel)),
    ...set(k, get(depth)),
    ...depthLoop(),
    ...storeTile(),
    ...increment(i, 1),
    ...get(i), ...get(mPanels), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
}

function depthLoop(): number[] {
  const body: number[] = [];
  for (let v = 0; v < vectorsPerRow; v++) {
    body.push(...set(firstB + v, [...get(b), ...op.v128Load(16 * v)]));
  }

  for (let r = 0; r < tileRows; r++) {
    body.push(...set(splat, [...get(firstARow + r), ...op.v128Load32Splat(0)]));
    for (let v = 0; v < vectorsPerRow; v++) {
      const sum = accumulator(r, v);
      body.push(...get(sum), ...get(splat), ...get(firstB + v), ...op.f32x4Mul, ...op.f32x4Add);
      body.push(...op.localSet(sum));
    }
  }
  return [
    ...op.loop,
    ...body,
    ...advanceRows(),
    ...increment(b, tileColumns * 4),
    ...set(k, [...get(k), ...op.i32Const(1), ...op.i32Sub]),
    ...get(k), ...op.brIf(0),
    ...op.end,
  ];
}

function storeTile(): number[] {
  const code = set(c, [
    ...get(cp),
    ...get(i), ...op.i32Const(tileRows), ...op.i32Mul, ...get(rowBytes), ...op.i32Mul, ...op.i32Add,
    ...get(j), ...op.i32Const(tileColumns * 4), ...op.i32Mul, ...op.i32Add,
  ]);
  for (let r = 0; r < tileRows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) {
      code.push(...get(c), ...get(accumulator(r, v)), ...op.v128Store(16 * v));
    }
    code.push(...set(c, [...get(c), ...get(rowBytes), ...op.i32Add]));
  }
  return code;
}

function advanceRows(): number[] {
  const code: number[] = [];
  for (let r = 0; r < tileRows; r++) {
    code.push(...set(firstARow + r, [...get(firstARow + r), ...get(aDepthStride), ...op.i32Add]));
  }
  return code;
}

function get(index: number): number[] {
  return op.localGet(index);
}

function set(index: number, value: readonly number[]): number[] {
  return [...value, ...op.localSet(index)];
}

function increment(index: number, by: number): number[] {
  return set(index, [...get(index), ...op.i32Const(by), ...op.i32Add]);
}
