import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { replaceWasmKernel } from './replace-wasm-kernel.ts';
import { tf } from './tf.ts';
import { heapFunctions, heapOffset } from './wasm-heap.ts';

interface ReduceAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/**
 * Sum and Mean over the leading axes (a batch of rows reduced to one row), which batch
 * normalisation and every bias gradient ask for. The stock wasm kernels transpose the input
 * first so that the reduced axes come last; summing rows into one accumulator row reads the
 * input once, in order. Other reductions go to the stock kernels.
 */
export function leadingAxisReductionKernels(): KernelConfig[] {
  return [replace('Sum', false), replace('Mean', true)];
}

function replace(kernelName: 'Sum' | 'Mean', average: boolean): KernelConfig {
  return replaceWasmKernel(kernelName, (args) => {
    const x = args.inputs.x as TensorInfo;
    const attrs = args.attrs as unknown as ReduceAttrs;
    return reduceLeading(x, attrs, args.backend as BackendWasm, average);
  });
}

function reduceLeading(x: TensorInfo, attrs: ReduceAttrs, backend: BackendWasm, average: boolean) {
  if (x.dtype !== 'float32' || x.shape.length < 2) return undefined;
  const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((p, q) => p - q);
  const leading = axes.every((axis, index) => axis === index);
  if (!leading || axes.length === x.shape.length) return undefined;

  const rows = x.shape.slice(0, axes.length).reduce((p, q) => p * q, 1);
  const kept = x.shape.slice(axes.length);
  const width = kept.reduce((p, q) => p * q, 1);
  const outShape = attrs.keepDims ? [...axes.map(() => 1), ...kept] : kept;
  const out = backend.makeOutput(outShape, 'float32');

  const values = backend.typedArrayFromHeap(x) as Float32Array;
  const sums = backend.typedArrayFromHeap(out) as Float32Array;
  sums.fill(0);
  if (rows > 0 && width > 0 && width % 4 === 0) {
    // Whole vectors of four: the SIMD function reads the input where it lies.
    const offset = (info: TensorInfo) => heapOffset(backend, info);
    heapFunctions(backend).sumRows(offset(x), offset(out), rows, width * 4);
  } else {
    sumRows(values, sums, rows, width);
  }

  if (average && rows > 0) for (let column = 0; column < width; column++) sums[column] /= rows;
  return out;
}

function sumRows(values: Float32Array, sums: Float32Array, rows: number, width: number): void {
  for (let row = 0; row < rows; row++) {
    const from = row * width;
    for (let column = 0; column < width; column++) sums[column] += values[from + column];
  }
}
