import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { replaceWasmKernel } from './replace-wasm-kernel.ts';

/**
 * Tile by block copies. The stock wasm kernel computes every output element's source index
 * from its coordinates; here each source row is copied once and every repetition is one
 * memory copy of the block already written. The batch-norm gradient tiles a row of 256 to
 * 256 x 256 three times a step, which took longer than the layers' matrix products.
 */
export function fastTileKernel(): KernelConfig {
  return replaceWasmKernel('Tile', (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype !== 'float32' && x.dtype !== 'int32') return undefined;
    const reps = (args.attrs as unknown as { reps: number[] }).reps;
    return tile(x, reps, args.backend as BackendWasm);
  });
}

function tile(x: TensorInfo, reps: number[], backend: BackendWasm): TensorInfo {
  const shape = x.shape;
  const outShape = shape.map((size, axis) => size * reps[axis]);
  const out = backend.makeOutput(outShape, x.dtype);
  if (outShape.some((size) => size === 0)) return out;

  const source = backend.typedArrayFromHeap(x);
  const target = backend.typedArrayFromHeap(out);
  const sourceStrides = strides(shape);
  const targetStrides = strides(outShape);

  // Writes the block of `axis` (one source block and its repetitions) at `to`.
  const fill = (axis: number, from: number, to: number): void => {
    const size = shape[axis];
    if (axis === shape.length - 1) {
      for (let k = 0; k < size; k++) target[to + k] = source[from + k];
    } else {
      for (let k = 0; k < size; k++) {
        fill(axis + 1, from + k * sourceStrides[axis], to + k * targetStrides[axis]);
      }
    }

    const block = size * (axis === shape.length - 1 ? 1 : targetStrides[axis]);
    for (let rep = 1; rep < reps[axis]; rep++) target.copyWithin(to + rep * block, to, to + block);
  };
  if (shape.length === 0) target[0] = source[0];
  else fill(0, 0, 0);
  return out;
}

function strides(shape: number[]): number[] {
  const result = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--) {
    result[axis] = result[axis + 1] * shape[axis + 1];
  }
  return result;
}
