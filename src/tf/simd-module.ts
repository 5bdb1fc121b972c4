import { encodeModule } from './wasm-encoder.ts';
import { gemmFunction } from './gemm-wasm-function.ts';
import { sumRowsFunction } from './sum-rows-wasm-function.ts';

type Gemm = (
  ap: number, bp: number, cp: number, mPanels: number, nPanels: number, depth: number,
  rowBytes: number, aRowStride: number, aDepthStride: number,
) => void;
type SumRows = (source: number, target: number, rows: number, rowBytes: number) => void;

const pageBytes = 65536;

/**
 * The project's WebAssembly SIMD kernels and the memory they work in. Kernels copy their
 * operands in (the copy is where they are rearranged anyway), run, and copy results out, so
 * this memory never aliases the tfjs heap.
 */
export class SimdModule {
  readonly gemm: Gemm;
  readonly sumRows: SumRows;
  private readonly memory = new WebAssembly.Memory({ initial: 16 });
  private view = new Float32Array(this.memory.buffer);

  constructor() {
    const bytes = encodeModule([gemmFunction(), sumRowsFunction()], false);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: { memory: this.memory },
    });
    this.gemm = instance.exports.gemm as Gemm;
    this.sumRows = instance.exports.sumRows as SumRows;
  }

  /** The memory as floats, holding at least `floats` of them; valid until the next call. */
  heap(floats: number): Float32Array {
    const missing = floats * 4 - this.memory.buffer.byteLength;
    if (missing > 0) {
      this.memory.grow(Math.ceil(missing / pageBytes));
      this.view = new Float32Array(this.memory.buffer);
    }
    return this.view;
  }
}

let shared: SimdModule | undefined;

/** One module per thread: compiling it takes a few milliseconds. */
export function simdModule(): SimdModule {
  shared ??= new SimdModule();
  return shared;
}
