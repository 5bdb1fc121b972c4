import { f32, i32, op, v128, type WasmFunction } from './wasm-encoder.ts';

// Parameters, then locals, by index.
const [out, count, state0, state1, state2, state3, threshold, kept] = [0, 1, 2, 3, 4, 5, 6, 7];
const [end, states, thresholds, keeps, values] = [8, 9, 10, 11, 12];

/** states ^= states <shift> amount, in each lane. */
function xorShift(amount: number, shift: readonly number[]): number[] {
  return [
    ...op.localGet(states), ...op.localGet(states), ...op.i32Const(amount), ...shift,
    ...op.v128Xor, ...op.localSet(states),
  ];
}

/** One xorshift32 step in every lane, then the four entries it decides. */
const step = [
  ...xorShift(13, op.i32x4Shl),
  ...xorShift(17, op.i32x4ShrU),
  ...xorShift(5, op.i32x4Shl),
  // ((state >>> 1) - threshold) >> 31 is all ones where the entry is dropped.
  ...op.localGet(keeps),
  ...op.localGet(states), ...op.i32Const(1), ...op.i32x4ShrU, ...op.localGet(thresholds),
  ...op.i32x4Sub, ...op.i32Const(31), ...op.i32x4ShrS,
  ...op.v128Andnot, ...op.localSet(values),
];

/**
 * dropoutMask(out, count, state0..state3, threshold, kept) writes `count` floats from `out`
 * on: four xorshift32 generators, one per lane, entry k drawn by generator k mod 4; an
 * entry is 0 when its draw's top 31 bits fall below `threshold`, else `kept`. The same
 * draws and choice as `maskInJavaScript` (`dropout-mask-kernel.ts`), so the masks are the
 * same bits; four generators because one step of one is a chain of six dependent
 * operations, and four run side by side in one vector.
 */
export function dropoutMaskFunction(): WasmFunction {
  const start = [
    ...op.localGet(state0), ...op.i32x4Splat,
    ...op.localGet(state1), ...op.i32x4ReplaceLane(1),
    ...op.localGet(state2), ...op.i32x4ReplaceLane(2),
    ...op.localGet(state3), ...op.i32x4ReplaceLane(3),
    ...op.localSet(states),
    ...op.localGet(threshold), ...op.i32x4Splat, ...op.localSet(thresholds),
    ...op.localGet(kept), ...op.f32x4Splat, ...op.localSet(keeps),
    ...op.localGet(out), ...op.localGet(count), ...op.i32Const(-4), ...op.i32And,
    ...op.i32Const(4), ...op.i32Mul, ...op.i32Add, ...op.localSet(end),
  ];
  const wholeVectors = [
    ...op.block,
    ...op.localGet(out), ...op.localGet(end), ...op.i32GeU, ...op.brIf(0),
    ...op.loop,
    ...step,
    ...op.localGet(out), ...op.localGet(values), ...op.v128Store(0),
    ...op.localGet(out), ...op.i32Const(16), ...op.i32Add, ...op.localTee(out),
    ...op.localGet(end), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  // The last one to three entries: one more step, its first lanes stored one by one.
  const tailLane = (lane: number) => [
    ...op.block,
    ...op.localGet(count), ...op.i32Const(3), ...op.i32And, ...op.i32Const(lane), ...op.i32LeU,
    ...op.brIf(0),
    ...op.localGet(out), ...op.localGet(values), ...op.f32x4ExtractLane(lane),
    ...op.f32Store(4 * lane),
    ...op.end,
  ];
  const tail = [
    ...op.block,
    ...op.localGet(count), ...op.i32Const(3), ...op.i32And, ...op.i32Eqz, ...op.brIf(0),
    ...step,
    ...tailLane(0), ...tailLane(1), ...tailLane(2),
    ...op.end,
  ];
  const params = [i32, i32, i32, i32, i32, i32, i32, f32];
  const locals: [number, number][] = [[1, i32], [4, v128]];
  return { name: 'dropoutMask', params, locals, body: [...start, ...wholeVectors, ...tail] };
}
