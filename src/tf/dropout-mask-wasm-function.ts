import { f32, i32, op, type WasmFunction } from './wasm-encoder.ts';

// Parameters, then locals, by index.
const [out, count, state, threshold, kept, dropped] = [0, 1, 2, 3, 4, 5];
const end = 6;

/** state ^= state <shift> amount */
function xorShift(amount: number, shift: readonly number[]): number[] {
  return [
    ...op.localGet(state), ...op.localGet(state), ...op.i32Const(amount), ...shift,
    ...op.i32Xor, ...op.localSet(state),
  ];
}

/**
 * dropoutMask(out, count, state, threshold, kept, dropped) writes `count` floats from `out`
 * on: xorshift32 steps from `state` (nonzero), each entry `dropped` when the step's top 31
 * bits fall below `threshold`, else `kept`. The same steps and choice as the JavaScript
 * generator in `src/models/seeded-dropout.ts`, so the masks are the same bits.
 */
export function dropoutMaskFunction(): WasmFunction {
  const body = [
    ...op.localGet(out), ...op.localGet(count), ...op.i32Const(4), ...op.i32Mul, ...op.i32Add,
    ...op.localSet(end),
    ...op.block,
    ...op.localGet(count), ...op.i32Eqz, ...op.brIf(0),
    ...op.loop,
    ...xorShift(13, op.i32Shl),
    ...xorShift(17, op.i32ShrU),
    ...xorShift(5, op.i32Shl),
    // select(dropped, kept, c) is dropped when c is 1: (state >>> 1) - threshold < 0.
    ...op.localGet(out),
    ...op.localGet(dropped), ...op.localGet(kept),
    ...op.localGet(state), ...op.i32Const(1), ...op.i32ShrU, ...op.localGet(threshold),
    ...op.i32Sub, ...op.i32Const(31), ...op.i32ShrU,
    ...op.select,
    ...op.f32Store(0),
    ...op.localGet(out), ...op.i32Const(4), ...op.i32Add, ...op.localTee(out),
    ...op.localGet(end), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return { name: 'dropoutMask', params: [i32, i32, i32, i32, f32, f32], locals: [[1, i32]], body };
}
