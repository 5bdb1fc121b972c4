import { get, i32, op, type WasmFunction } from './wasm-encoder.ts';

// Parameters, then locals, by index.
const [source, target, rows, rowBytes] = [0, 1, 2, 3];
const [row, offset, rowStart] = [4, 5, 6];

/**
 * sumRows(source, target, rows, rowBytes) adds `rows` consecutive rows of `rowBytes` bytes
 * (a multiple of 16, at least 16) into the row at `target`, four floats at a time.
 */
export function sumRowsFunction(): WasmFunction {
  const addVector = [
    ...get(target), ...get(offset), ...op.i32Add,
    ...get(target), ...get(offset), ...op.i32Add, ...op.v128Load(0),
    ...get(rowStart), ...get(offset), ...op.i32Add, ...op.v128Load(0),
    ...op.f32x4Add,
    ...op.v128Store(0),
  ];
  const columns = [
    ...op.i32Const(0), ...op.localSet(offset),
    ...op.loop,
    ...addVector,
    ...get(offset), ...op.i32Const(16), ...op.i32Add, ...op.localTee(offset),
    ...get(rowBytes), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  const body = [
    ...get(source), ...op.localSet(rowStart),
    ...op.loop,
    ...columns,
    ...get(rowStart), ...get(rowBytes), ...op.i32Add, ...op.localSet(rowStart),
    ...get(row), ...op.i32Const(1), ...op.i32Add, ...op.localTee(row),
    ...get(rows), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
  return { name: 'sumRows', params: [i32, i32, i32, i32], locals: [[3, i32]], body };
}
