import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf.ts';
import { multiplyOnHeap, scratchFloats } from './packed-gemm.ts';
import { replaceWasmKernel } from './replace-wasm-kernel.ts';
import { heapFloats, heapFunctions, heapOffset } from './wasm-heap.ts';

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
  activation?: string;
}

/** Multiply-adds per product below which a batch of products goes to the stock kernel. */
const tinyProduct = 4096;

/**
 * BatchMatMul and _FusedMatMul for the wasm backend on the SIMD micro-kernel. tfjs 4.22's
 * own kernel reaches XNNPACK only when neither operand is transposed; both gradient
 * products of a dense layer (dy W^T and x^T dy) fall to a scalar loop with strided reads.
 * Cases outside what the micro-kernel covers (other dtypes, prelu, leaky relu, ragged
 * broadcasting, a bias not of one row) go to the stock kernel, kept with its setup.
 */
export function fastMatMulKernels(): KernelConfig[] {
  return [replace('BatchMatMul'), replace('_FusedMatMul')];
}

function replace(kernelName: 'BatchMatMul' | '_FusedMatMul'): KernelConfig {
  return replaceWasmKernel(kernelName, (args) => {
    const backend = args.backend as BackendWasm;
    return multiply(args.inputs as Record<string, TensorInfo>, args.attrs, backend);
  });
}

function multiply(
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap | undefined,
  backend: BackendWasm,
): TensorInfo | undefined {
  const { a, b, bias, preluActivationWeights } = inputs;
  const { transposeA, transposeB, activation = 'linear' } = (attrs ?? {}) as unknown as MatMulAttrs;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || preluActivationWeights) return undefined;
  if (activation !== 'linear' && activation !== 'relu') return undefined;

  const shape = productShape(a.shape, b.shape, transposeA, transposeB);
  if (!shape) return undefined;
  const { rows, depth, columns, batches, batchA, batchB } = shape;
  // Many tiny products (MF's dot layer: 256 products of 1 x 16 by 16 x 1) cost more in
  // per-call packing than in arithmetic; the stock kernel does them in one call. Its bias
  // is wrong on transposed operands, so a fused product with a bias always stays here.
  const tiny = batches > 1 && rows * depth * columns < tinyProduct;
  if (tiny && !bias) return undefined;
  // A bias is a row (or one value) added to every row; tfjs refuses other shapes.
  const biasSize = bias ? tf.util.sizeFromShape(bias.shape) : 0;
  if (bias && (bias.shape.length > 1 || (biasSize !== columns && biasSize !== 1))) {
    return undefined;
  }

  const out = backend.makeOutput([...shape.outer, rows, columns], 'float32');
  const scratch = backend.makeOutput([scratchFloats(rows, depth, columns)], 'float32');
  // The view is taken after the last allocation: making an output may grow the heap.
  const heap = heapFloats(backend);
  const at = (info: TensorInfo) => heapOffset(backend, info) / 4;
  const functions = heapFunctions(backend);

  for (let batch = 0; batch < batches; batch++) {
    multiplyOnHeap(functions, heap, {
      a: { at: at(a) + (batchA === 1 ? 0 : batch) * rows * depth, transposed: transposeA },
      b: { at: at(b) + (batchB === 1 ? 0 : batch) * depth * columns, transposed: transposeB },
      rows, depth, columns,
      out: at(out) + batch * rows * columns,
      bias: bias ? { at: at(bias), size: biasSize } : undefined,
      relu: activation === 'relu',
    }, at(scratch));
  }
  backend.disposeData(scratch.dataId);
  return out;
}

/** Sizes of the product, or undefined where batch dimensions broadcast other than 1 vs n. */
function productShape(a: number[], b: number[], transposeA: boolean, transposeB: boolean) {
  const rows = transposeA ? a[a.length - 1] : a[a.length - 2];
  const depth = transposeA ? a[a.length - 2] : a[a.length - 1];
  const depthB = transposeB ? b[b.length - 1] : b[b.length - 2];
  const columns = transposeB ? b[b.length - 2] : b[b.length - 1];
  if (depth !== depthB) return undefined;

  const outerA = a.slice(0, -2);
  const outerB = b.slice(0, -2);
  const batchA = outerA.reduce((x, y) => x * y, 1);
  const batchB = outerB.reduce((x, y) => x * y, 1);
  const sameOuter = outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i]);
  if (!sameOuter && batchA !== 1 && batchB !== 1) return undefined;
  const outer = tf.broadcast_util.assertAndGetBroadcastShape(outerA, outerB);

  return { rows, depth, columns, batchA, batchB, batches: Math.max(batchA, batchB), outer };
}
