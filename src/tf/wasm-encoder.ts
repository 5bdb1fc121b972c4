/**
 * Just enough of the WebAssembly binary format to emit one module with a handful of
 * functions: the project ships no assembler, and the kernels are small enough to write
 * instruction by instruction. Opcodes follow the WebAssembly 2.0 core and SIMD specs.
 */

export const i32 = 0x7f;
export const f32 = 0x7d;
export const v128 = 0x7b;

/** Instruction bytes, named as in the text format, for the instructions the kernels use. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  localGet: (index: number) => [0x20, ...uleb(index)],
  localSet: (index: number) => [0x21, ...uleb(index)],
  localTee: (index: number) => [0x22, ...uleb(index)],
  i32Const: (value: number) => [0x41, ...sleb(value)],
  i32Eqz: [0x45],
  i32LtU: [0x49],
  i32LeU: [0x4d],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32And: [0x71],
  i32Or: [0x72],
  i32Shl: [0x74],
  i32Xor: [0x73],
  i32ShrU: [0x76],
  select: [0x1b],
  f32Load: (offset: number) => [0x2a, 2, ...uleb(offset)],
  f32Store: (offset: number) => [0x38, 2, ...uleb(offset)],
  v128Load: (offset: number) => [0xfd, ...uleb(0x00), 4, ...uleb(offset)],
  v128Load32Splat: (offset: number) => [0xfd, ...uleb(0x09), 2, ...uleb(offset)],
  v128Store: (offset: number) => [0xfd, ...uleb(0x0b), 4, ...uleb(offset)],
  i8x16Shuffle: (lanes: number[]) => [0xfd, ...uleb(0x0d), ...lanes],
  i32x4Splat: [0xfd, ...uleb(0x11)],
  i32x4ReplaceLane: (lane: number) => [0xfd, ...uleb(0x1c), lane],
  f32x4ExtractLane: (lane: number) => [0xfd, ...uleb(0x1f), lane],
  v128Andnot: [0xfd, ...uleb(0x4f)],
  v128Xor: [0xfd, ...uleb(0x51)],
  i32x4Shl: [0xfd, ...uleb(0xab)],
  i32x4ShrS: [0xfd, ...uleb(0xac)],
  i32x4ShrU: [0xfd, ...uleb(0xad)],
  i32x4Sub: [0xfd, ...uleb(0xb1)],
  v128Zero: [0xfd, ...uleb(0x0c), ...new Array(16).fill(0)],
  f32x4Splat: [0xfd, ...uleb(0x13)],
  f32x4Sqrt: [0xfd, ...uleb(0xe3)],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f32x4Sub: [0xfd, ...uleb(0xe5)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  f32x4Div: [0xfd, ...uleb(0xe7)],
  f32x4Pmax: [0xfd, ...uleb(0xeb)],
} as const;

/** local.get */
export function get(index: number): number[] {
  return op.localGet(index);
}

/** `value`, then local.set */
export function set(index: number, value: readonly number[]): number[] {
  return [...value, ...op.localSet(index)];
}

/** local += by, for an i32 local */
export function increment(index: number, by: number): number[] {
  return set(index, [...get(index), ...op.i32Const(by), ...op.i32Add]);
}

export interface WasmFunction {
  name: string;
  params: number[];
  /** Extra locals after the parameters, as [count, type] runs. */
  locals: [number, number][];
  body: number[];
}

/**
 * A module that imports its memory as env.memory (so one memory can be shared between
 * threads) and exports every function by name. Functions return nothing.
 */
export function encodeModule(functions: WasmFunction[], shared: boolean): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0]);
  const memoryLimits = shared ? [0x03, 1, ...uleb(65536)] : [0x00, 1];
  const imports = [[...name('env'), ...name('memory'), 0x02, ...memoryLimits]];
  const declarations = functions.map((_, index) => uleb(index));
  const exports = functions.map((f, index) => [...name(f.name), 0x00, ...uleb(index)]);
  const bodies = functions.map((f) => {
    const code = [...vector(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body, ...op.end];
    return [...uleb(code.length), ...code];
  });

  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(declarations)),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

export function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

export function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}
