import { i32, op, v128, type WasmFunction } from './wasm-encoder.ts';

/**
 * Loops over the rows of [rows, features] batches, four features at a time, for batch
 * normalisation. Every function takes byte offsets, then `rows` and `rowBytes` (a multiple
 * of 16, at least 16). "Row" operands advance by a row each row; "column" operands hold one
 * value per feature and stay. Sums add into their target, so targets start at zero.
 *
 *   sumSquaredDeviations(x, mean, target):  target += (x - mean)^2
 *   sumProductDeviations(dy, x, mean, target):  target += dy (x - mean)
 *   normalizeRows(x, mean, scale, beta, y):  y = (x - mean) scale + beta
 *   combineRows(dy, x, mean, a, b, k, dx):  dx = a dy + b (x - mean) + k
 *
 * Deviations from the mean are taken before anything multiplies them, as tfjs does: with
 * large values and a small spread, x scale + (beta - mean scale) loses the spread to
 * cancellation.
 */
export function batchNormFunctions(): WasmFunction[] {
  return [
    rowLoop('sumSquaredDeviations', ['row', 'column', 'column'], (v) => [
      ...v.at(2), ...v.load(2),
      ...v.load(0), ...v.load(1), ...op.f32x4Sub, ...op.localTee(v.scratch),
      ...op.localGet(v.scratch), ...op.f32x4Mul, ...op.f32x4Add,
      ...op.v128Store(0),
    ]),
    rowLoop('sumProductDeviations', ['row', 'row', 'column', 'column'], (v) => [
      ...v.at(3), ...v.load(3),
      ...v.load(0), ...v.load(1), ...v.load(2), ...op.f32x4Sub, ...op.f32x4Mul, ...op.f32x4Add,
      ...op.v128Store(0),
    ]),
    rowLoop('normalizeRows', ['row', 'column', 'column', 'column', 'row'], (v) => [
      ...v.at(4),
      ...v.load(0), ...v.load(1), ...op.f32x4Sub, ...v.load(2), ...op.f32x4Mul,
      ...v.load(3), ...op.f32x4Add,
      ...op.v128Store(0),
    ]),
    rowLoop('combineRows', ['row', 'row', 'column', 'column', 'column', 'column', 'row'], (v) => [
      ...v.at(6),
      ...v.load(3), ...v.load(0), ...op.f32x4Mul,
      ...v.load(4), ...v.load(1), ...v.load(2), ...op.f32x4Sub, ...op.f32x4Mul, ...op.f32x4Add,
      ...v.load(5), ...op.f32x4Add,
      ...op.v128Store(0),
    ]),
  ];
}

interface VectorAccess {
  /** The address of operand n's current vector. */
  at(operand: number): number[];
  /** Operand n's current vector. */
  load(operand: number): number[];
  /** A v128 local free for the body. */
  scratch: number;
}

type Operand = 'row' | 'column';

function rowLoop(
  name: string,
  operands: Operand[],
  body: (access: VectorAccess) => number[],
): WasmFunction {
  const count = operands.length;
  const [rows, rowBytes] = [count, count + 1];
  // Locals: the row counter, the byte offset in the row, each row operand's row start.
  const [row, offset, firstStart] = [count + 2, count + 3, count + 4];
  const start = (n: number) => firstStart + n;
  const scratch = firstStart + count;

  const at = (n: number) => [
    ...op.localGet(operands[n] === 'row' ? start(n) : n), ...op.localGet(offset), ...op.i32Add,
  ];
  const access: VectorAccess = { at, load: (n) => [...at(n), ...op.v128Load(0)], scratch };

  const rowStarts = operands.flatMap((_, n) => [...op.localGet(n), ...op.localSet(start(n))]);
  const advanceRows = operands.flatMap((kind, n) => kind === 'row'
    ? [...op.localGet(start(n)), ...op.localGet(rowBytes), ...op.i32Add, ...op.localSet(start(n))]
    : []);
  const columns = [
    ...op.i32Const(0), ...op.localSet(offset),
    ...op.loop,
    ...body(access),
    ...op.localGet(offset), ...op.i32Const(16), ...op.i32Add, ...op.localTee(offset),
    ...op.localGet(rowBytes), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  const code = [
    ...rowStarts,
    ...op.block,
    ...op.localGet(rows), ...op.i32Eqz, ...op.brIf(0),
    ...op.loop,
    ...columns,
    ...advanceRows,
    ...op.localGet(row), ...op.i32Const(1), ...op.i32Add, ...op.localTee(row),
    ...op.localGet(rows), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  const locals: [number, number][] = [[2 + count, i32], [1, v128]];
  return { name, params: new Array(count + 2).fill(i32), locals, body: code };
}
