import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): TensorInfo;
}

/**
 * How a kernel written in JavaScript reads its inputs and makes float outputs, on wasm
 * (views of the module's heap) and cpu (plain arrays). On wasm, making an output may grow
 * the heap and detach every view taken before it: read or copy all inputs first.
 */
export interface KernelIo {
  read(info: TensorInfo): Float32Array | Int32Array;
  output(shape: number[], values: Float32Array): TensorInfo;
}

export function kernelIo(backendName: string, backend: unknown): KernelIo {
  if (backendName === 'wasm') {
    const wasm = backend as BackendWasm;
    return {
      read: (info) => wasm.typedArrayFromHeap(info) as Float32Array | Int32Array,
      output: (shape, values) => {
        const out = wasm.makeOutput(shape, 'float32');
        (wasm.typedArrayFromHeap(out) as Float32Array).set(values);
        return out;
      },
    };
  }

  const cpu = backend as CpuBackend;
  return {
    read: (info) => cpu.data.get(info.dataId).values as Float32Array | Int32Array,
    output: (shape, values) => cpu.makeTensorInfo(shape, 'float32', values),
  };
}
