import { get, i32, increment, op, set, v128, type WasmFunction } from './wasm-encoder.ts';

/**
 * copyVectors(src, srcOuter, srcInner, dst, dstOuter, dstInner, outer, inner, vectors)
 * copies, for every o < outer and n < inner, `vectors` (1 or more) 16-byte vectors from
 * src + o srcOuter + n srcInner to dst + o dstOuter + n dstInner. Packing a plain B into
 * column panels and a transposed A into row panels are both this copy.
 */
export function copyVectorsFunction(): WasmFunction {
  const [src, srcOuter, srcInner, dst, dstOuter, dstInner, outer, inner, vectors] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [o, n, from, to, v] = [9, 10, 11, 12, 13];

  const copy = countedLoop(v, vectors, [
    ...get(to), ...get(from), ...op.v128Load(0), ...op.v128Store(0),
    ...increment(from, 16), ...increment(to, 16),
  ]);
  const block = countedLoop(n, inner, [
    ...set(from, [...get(src), ...get(o), ...get(srcOuter), ...op.i32Mul, ...op.i32Add,
      ...get(n), ...get(srcInner), ...op.i32Mul, ...op.i32Add]),
    ...set(to, [...get(dst), ...get(o), ...get(dstOuter), ...op.i32Mul, ...op.i32Add,
      ...get(n), ...get(dstInner), ...op.i32Mul, ...op.i32Add]),
    ...copy,
  ]);
  const body = unlessZero(outer, inner, countedLoop(o, outer, block));
  return { name: 'copyVectors', params: new Array(9).fill(i32), locals: [[5, i32]], body };
}

/**
 * transpose4(src, srcRow, srcGroup, dst, dstRow, dstGroup, groups, quads) reads, for every
 * group g < groups, four source rows (src + g srcGroup + r srcRow) four floats at a time
 * and writes them transposed: float q of the rows' quad t becomes vector 4 t + q at
 * dst + g dstGroup + (4 t + q) dstRow. Packing a plain A into row panels and a transposed
 * B into column panels are both made of these 4 x 4 transposes.
 */
export function transpose4Function(): WasmFunction {
  const [src, srcRow, srcGroup, dst, dstRow, dstGroup, groups, quads] =
    [0, 1, 2, 3, 4, 5, 6, 7];
  const [g, t, from, to] = [8, 9, 10, 11];
  const [r0, r1, r2, r3, lo01, hi01, lo23, hi23] = [12, 13, 14, 15, 16, 17, 18, 19];

  const loads = [r0, r1, r2, r3].flatMap((row, r) => set(row, [
    ...get(from), ...get(srcRow), ...op.i32Const(r), ...op.i32Mul, ...op.i32Add,
    ...op.v128Load(0),
  ]));
  // Interleave rows pairwise, then pair the halves: the classic 4 x 4 transpose.
  const interleave = [
    ...set(lo01, [...get(r0), ...get(r1), ...shuffle([0, 4, 1, 5])]),
    ...set(hi01, [...get(r0), ...get(r1), ...shuffle([2, 6, 3, 7])]),
    ...set(lo23, [...get(r2), ...get(r3), ...shuffle([0, 4, 1, 5])]),
    ...set(hi23, [...get(r2), ...get(r3), ...shuffle([2, 6, 3, 7])]),
  ];
  const columns: [number, number, number[]][] = [
    [lo01, lo23, [0, 1, 4, 5]], [lo01, lo23, [2, 3, 6, 7]],
    [hi01, hi23, [0, 1, 4, 5]], [hi01, hi23, [2, 3, 6, 7]],
  ];
  const stores = columns.flatMap(([x, y, lanes], q) => [
    ...get(to), ...get(dstRow), ...op.i32Const(q), ...op.i32Mul, ...op.i32Add,
    ...get(x), ...get(y), ...shuffle(lanes),
    ...op.v128Store(0),
  ]);
  const group = [
    ...set(from, [...get(src), ...get(g), ...get(srcGroup), ...op.i32Mul, ...op.i32Add]),
    ...set(to, [...get(dst), ...get(g), ...get(dstGroup), ...op.i32Mul, ...op.i32Add]),
    ...countedLoop(t, quads, [
      ...loads, ...interleave, ...stores,
      ...increment(from, 16),
      ...set(to, [...get(to), ...get(dstRow), ...op.i32Const(4), ...op.i32Mul, ...op.i32Add]),
    ]),
  ];
  const body = unlessZero(groups, quads, countedLoop(g, groups, group));
  const locals: [number, number][] = [[4, i32], [8, v128]];
  return { name: 'transpose4', params: new Array(8).fill(i32), locals, body };
}

/** for (counter = 0; counter < count; counter++) body, for a count of at least one. */
function countedLoop(counter: number, count: number, body: number[]): number[] {
  return [
    ...set(counter, op.i32Const(0)),
    ...op.loop,
    ...body,
    ...increment(counter, 1),
    ...get(counter), ...get(count), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
  ];
}

/** `code`, skipped when either count is zero. */
function unlessZero(first: number, second: number, code: number[]): number[] {
  return [
    ...op.block,
    ...get(first), ...op.i32Eqz, ...get(second), ...op.i32Eqz, ...op.i32Or, ...op.brIf(0),
    ...code,
    ...op.end,
  ];
}

/** i8x16.shuffle picking four 32-bit lanes of the two operands (0-3 first, 4-7 second). */
function shuffle(lanes: number[]): number[] {
  return op.i8x16Shuffle(lanes.flatMap((lane) => [0, 1, 2, 3].map((byte) => 4 * lane + byte)));
}
