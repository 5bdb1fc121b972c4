import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { adamFunction } from './adam-wasm-function.ts';
import { batchNormFunctions } from './batch-norm-wasm-functions.ts';
import { dropoutMaskFunction } from './dropout-mask-wasm-function.ts';
import { gemmFunction } from './gemm-wasm-function.ts';
import { copyVectorsFunction, transpose4Function } from './pack-wasm-functions.ts';
import { sumRowsFunction } from './sum-rows-wasm-function.ts';
import { encodeModule } from './wasm-encoder.ts';

type Kernel = (...args: number[]) => void;

/** The project's SIMD functions; every pointer is a byte offset into the backend's heap. */
export interface HeapFunctions {
  gemm: Kernel;
  copyVectors: Kernel;
  transpose4: Kernel;
  sumRows: Kernel;
  adam: Kernel;
  sumSquaredDeviations: Kernel;
  sumProductDeviations: Kernel;
  normalizeRows: Kernel;
  combineRows: Kernel;
  dropoutMask: Kernel;
}

/** What the kernels read of the backend beyond its public API (tfjs-backend-wasm 4.22). */
interface WasmInternals {
  wasm: { asm?: { memory?: WebAssembly.Memory } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } };
}

let instance: { memory: WebAssembly.Memory; functions: HeapFunctions } | undefined;

/**
 * The project's WebAssembly functions instantiated on the wasm backend's own memory, so they
 * read tensors where tfjs keeps them and write outputs there: operands are never copied in
 * or out.
 */
export function heapFunctions(backend: BackendWasm): HeapFunctions {
  const memory = (backend as unknown as WasmInternals).wasm.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) {
    // Only a different tfjs-backend-wasm than the one locked could move it.
    throw new Error('the wasm backend\'s memory is not where the project\'s kernels look for '
      + 'it; RECOMMENDER_WASM_KERNELS=stock runs on tfjs\'s own kernels');
  }
  return functionsOn(memory);
}

/** The functions on any memory; compiling takes a few milliseconds, once per memory. */
export function functionsOn(memory: WebAssembly.Memory): HeapFunctions {
  if (instance?.memory !== memory) {
    const functions = [gemmFunction(), copyVectorsFunction(), transpose4Function(),
      sumRowsFunction(), adamFunction(), ...batchNormFunctions(), dropoutMaskFunction()];
    const bytes = encodeModule(functions, false);
    const module = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    const exports = module.exports as unknown as HeapFunctions;
    const names = functions.map((f) => f.name) as (keyof HeapFunctions)[];
    instance = { memory, functions: Object.fromEntries(names.map((n) => [n, exports[n]])) as
      unknown as HeapFunctions };
  }
  return instance.functions;
}

/** Byte offset of a tensor's data in the backend's heap. */
export function heapOffset(backend: BackendWasm, info: TensorInfo): number {
  return (backend as unknown as WasmInternals).dataIdMap.get(info.dataId).memoryOffset;
}

/**
 * The whole heap as floats. Allocating (making an output) may grow the heap and detach this
 * view: take it after the last allocation.
 */
export function heapFloats(backend: BackendWasm): Float32Array {
  const memory = (backend as unknown as WasmInternals).wasm.asm?.memory as WebAssembly.Memory;
  return new Float32Array(memory.buffer);
}
