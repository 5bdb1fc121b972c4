import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): TensorInfo;
}

/**
 * How a kernel written in JavaScript reads its inputs and makes float outputs, on wasm
 * (views of the module's heap) and cpu (plain arrays), without copying either.
 *
 * On wasm, making an output may grow the heap and detach every view taken before it: a kernel
 * makes all its outputs first (`allocate`) and reads its inputs after, or reads and finishes
 * with its inputs before it makes any output.
 */
export interface KernelIo {
  read(info: TensorInfo): Float32Array | Int32Array;
  /** Float outputs of these shapes, with zeroed views to write them through. */
  allocate(shapes: number[][]): { outputs: TensorInfo[]; views: Float32Array[] };
}

export function kernelIo(backendName: string, backend: unknown): KernelIo {
  if (backendName === 'wasm') {
    const wasm = backend as BackendWasm;
    return {
      read: (info) => wasm.typedArrayFromHeap(info) as Float32Array | Int32Array,
      allocate: (shapes) => {
        const outputs = shapes.map((shape) => wasm.makeOutput(shape, 'float32'));
        const views = outputs.map((out) => wasm.typedArrayFromHeap(out) as Float32Array);
        views.forEach((view) => view.fill(0));
        return { outputs, views };
      },
    };
  }

  const cpu = backend as CpuBackend;
  return {
    read: (info) => cpu.data.get(info.dataId).values as Float32Array | Int32Array,
    allocate: (shapes) => {
      const views = shapes.map((shape) => new Float32Array(shape.reduce((a, b) => a * b, 1)));
      // The cpu backend keeps the very array it is given, so writing after this is seen.
      const outputs = views.map((view, k) => cpu.makeTensorInfo(shapes[k], 'float32', view));
      return { outputs, views };
    },
  };
}
