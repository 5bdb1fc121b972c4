import { f32, get, i32, op, v128, type WasmFunction } from './wasm-encoder.ts';

// Parameters: seven byte offsets, the byte count, then the step's float32 scalars.
const [value, first, second, gradient, newValue, newFirst, newSecond, bytes] =
  [0, 1, 2, 3, 4, 5, 6, 7];
const scalars = ['beta1', 'keep1', 'beta2', 'keep2', 'c1', 'c2', 'epsilon', 'rate'] as const;
const scalar = (name: (typeof scalars)[number]) => 8 + scalars.indexOf(name);
// Locals: the offset, each scalar splat into a vector, and three working vectors.
const offset = 8 + scalars.length;
const splat = (name: (typeof scalars)[number]) => offset + 1 + scalars.indexOf(name);
const [g, m, v] = [offset + 1 + scalars.length, offset + 2 + scalars.length,
  offset + 3 + scalars.length];

/**
 * adam(value, first, second, gradient, newValue, newFirst, newSecond, bytes, beta1,
 * keep1, beta2, keep2, c1, c2, epsilon, rate) writes one Adam step of `bytes` / 4 floats
 * (a multiple of four), four at a time, with the float32 operations of tfjs's Adam in its
 * order:
 *   m' = first beta1 + g keep1,  v' = second beta2 + (g g) keep2
 *   newValue = ((m' / c1) / (sqrt(v' / c2) + epsilon)) rate + value
 * where keep = 1 - beta, c = 1 - beta^t and rate = -learningRate. Inputs are only read.
 */
export function adamFunction(): WasmFunction {
  const splats = scalars.flatMap((name) => [
    ...op.localGet(scalar(name)), ...op.f32x4Splat, ...op.localSet(splat(name)),
  ]);
  const load = (base: number) => [...at(base), ...op.v128Load(0)];
  const step = [
    ...load(gradient), ...op.localSet(g),

    ...load(first), ...get(splat('beta1')), ...op.f32x4Mul,
    ...get(g), ...get(splat('keep1')), ...op.f32x4Mul, ...op.f32x4Add, ...op.localSet(m),
    ...at(newFirst), ...get(m), ...op.v128Store(0),

    ...load(second), ...get(splat('beta2')), ...op.f32x4Mul,
    ...get(g), ...get(g), ...op.f32x4Mul, ...get(splat('keep2')), ...op.f32x4Mul,
    ...op.f32x4Add, ...op.localSet(v),
    ...at(newSecond), ...get(v), ...op.v128Store(0),

    ...at(newValue),
    ...get(m), ...get(splat('c1')), ...op.f32x4Div,
    ...get(v), ...get(splat('c2')), ...op.f32x4Div, ...op.f32x4Sqrt,
    ...get(splat('epsilon')), ...op.f32x4Add,
    ...op.f32x4Div, ...get(splat('rate')), ...op.f32x4Mul,
    ...load(value), ...op.f32x4Add,
    ...op.v128Store(0),
  ];
  const body = [
    ...splats,
    ...op.block,
    ...get(bytes), ...op.i32Eqz, ...op.brIf(0),
    ...op.loop,
    ...step,
    ...get(offset), ...op.i32Const(16), ...op.i32Add, ...op.localTee(offset),
    ...get(bytes), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: 'adam',
    params: [...new Array(8).fill(i32), ...new Array(scalars.length).fill(f32)],
    locals: [[1, i32], [scalars.length + 3, v128]],
    body,
  };
}


/** The address base + offset, for a load or store. */
function at(base: number): number[] {
  return [...get(base), ...get(offset), ...op.i32Add];
}
