import { get, i32, increment, op, set, v128, type WasmFunction } from './wasm-encoder.ts';

/** Rows and columns of C one micro-kernel call computes; operands are padded to these. */
export const tileRows = 4;
export const tileColumns = 8;

const vectorsPerRow = tileColumns / 4;

// Parameters, then locals, by index.
const [ap, bp, biasp, cp, rowBytes, mPanels, nPanels, depth, relu] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [j, i, a, b, k, c, bPanel] = [9, 10, 11, 12, 13, 14, 15];
const firstAccumulator = 16;
const splat = firstAccumulator + tileRows * vectorsPerRow;
const firstB = splat + 1;
const zero = firstB + vectorsPerRow;

const accumulator = (row: number, vector: number) =>
  firstAccumulator + row * vectorsPerRow + vector;

/**
 * gemm(ap, bp, biasp, cp, rowBytes, mPanels, nPanels, depth, relu) computes
 * C = relu?(A B + bias) in tiles of `tileRows` x `tileColumns`. A is packed in panels of
 * `tileRows` rows and B in panels of `tileColumns` columns, each stored depth-major, so a
 * depth step reads the next four A values and the next eight B values and costs one pointer
 * increment for each. `biasp` holds one bias per padded column; C is row-major with rows of
 * `rowBytes`. Each tile keeps its sums in registers over the whole depth, so C is written
 * once, bias and ReLU applied on the way.
 */
export function gemmFunction(): WasmFunction {
  const body = [
    ...set(zero, op.v128Zero),
    ...op.loop,
    ...set(bPanel, [...get(bp), ...get(j), ...get(depth), ...op.i32Mul,
      ...op.i32Const(tileColumns * 4), ...op.i32Mul, ...op.i32Add]),
    ...set(i, op.i32Const(0)),
    ...rowPanelLoop(),
    ...increment(j, 1),
    ...get(j), ...get(nPanels), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  const vectors = tileRows * vectorsPerRow + 1 + vectorsPerRow + 1;
  const locals: [number, number][] = [[7, i32], [vectors, v128]];
  return { name: 'gemm', params: new Array(9).fill(i32), locals, body };
}

function rowPanelLoop(): number[] {
  const zeroAll = [];
  for (let r = 0; r < tileRows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) zeroAll.push(...set(accumulator(r, v), op.v128Zero));
  }
  return [
    ...op.loop,
    ...zeroAll,
    ...set(a, [...get(ap), ...get(i), ...get(depth), ...op.i32Mul,
      ...op.i32Const(tileRows * 4), ...op.i32Mul, ...op.i32Add]),
    ...set(b, get(bPanel)),
    ...set(k, get(depth)),
    ...depthLoop(),
    ...addBias(),
    ...applyRelu(),
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
    body.push(...set(splat, [...get(a), ...op.v128Load32Splat(4 * r)]));
    for (let v = 0; v < vectorsPerRow; v++) {
      const sum = accumulator(r, v);
      body.push(...get(sum), ...get(splat), ...get(firstB + v), ...op.f32x4Mul, ...op.f32x4Add);
      body.push(...op.localSet(sum));
    }
  }
  // A depth of 0 leaves the sums at zero.
  return [
    ...op.block,
    ...get(k), ...op.i32Eqz, ...op.brIf(0),
    ...op.loop,
    ...body,
    ...increment(a, tileRows * 4),
    ...increment(b, tileColumns * 4),
    ...set(k, [...get(k), ...op.i32Const(1), ...op.i32Sub]),
    ...get(k), ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
}

function addBias(): number[] {
  const code: number[] = [];
  for (let v = 0; v < vectorsPerRow; v++) {
    code.push(...get(biasp), ...get(j), ...op.i32Const(tileColumns * 4), ...op.i32Mul,
      ...op.i32Add, ...op.v128Load(16 * v), ...op.localSet(firstB + v));
  }
  for (let r = 0; r < tileRows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) {
      const sum = accumulator(r, v);
      code.push(...get(sum), ...get(firstB + v), ...op.f32x4Add, ...op.localSet(sum));
    }
  }
  return code;
}

/** pmax(x, 0) is `x < 0 ? 0 : x`: the JavaScript ReLU's result for NaN and -0 too. */
function applyRelu(): number[] {
  const code = [...op.block, ...get(relu), ...op.i32Eqz, ...op.brIf(0)];
  for (let r = 0; r < tileRows; r++) {
    for (let v = 0; v < vectorsPerRow; v++) {
      const sum = accumulator(r, v);
      code.push(...set(sum, [...get(sum), ...get(zero), ...op.f32x4Pmax]));
    }
  }
  return [...code, ...op.end];
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
