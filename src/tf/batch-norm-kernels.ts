import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { batchNormBackward, batchNormForward, type BatchShape } from './batch-norm-math.ts';
import { kernelIo } from './kernel-io.ts';
import { tf } from './tf.ts';
import { heapFunctions, heapOffset } from './wasm-heap.ts';

/**
 * Kernel names. Training: inputs `x` ([rows, features], float32), `gamma`, `beta`; attrs
 * `{ epsilon }`; outputs y, mean, variance, invStd. Gradient: inputs `dy`, `x`, `gamma`,
 * `mean`, `invStd`; outputs dx, dgamma, dbeta.
 */
export const BATCH_NORM_TRAINING = 'RecommenderBatchNormTraining';
export const BATCH_NORM_GRADIENTS = 'RecommenderBatchNormGradients';

function shapeOf(x: TensorInfo) {
  return { rows: x.shape[0], columns: x.shape[1] };
}

function trainingKernel(backendName: string): KernelConfig {
  return {
    kernelName: BATCH_NORM_TRAINING,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { epsilon } = attrs as unknown as { epsilon: number };
      const x = inputs.x as TensorInfo;
      const shape = shapeOf(x);
      if (backendName === 'wasm' && simdShape(shape)) {
        const { gamma, beta } = inputs as Record<string, TensorInfo>;
        return wasmForward(backend as BackendWasm, shape, { x, gamma, beta }, epsilon);
      }

      const io = kernelIo(backendName, backend);
      const { outputs, views } = io.allocate([x.shape, ...new Array(3).fill([shape.columns])]);

      const [y, mean, variance, invStd] = views;
      const read = (name: string) => io.read(inputs[name] as TensorInfo) as Float32Array;
      batchNormForward(shape, read('x'), read('gamma'), read('beta'), epsilon,
        { y, mean, variance, invStd });
      return outputs;
    },
  };
}

function gradientsKernel(backendName: string): KernelConfig {
  return {
    kernelName: BATCH_NORM_GRADIENTS,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as TensorInfo;
      const shape = shapeOf(x);
      if (backendName === 'wasm' && simdShape(shape)) {
        return wasmBackward(backend as BackendWasm, shape, inputs as Record<string, TensorInfo>);
      }

      const io = kernelIo(backendName, backend);
      const { outputs, views } = io.allocate([x.shape, [shape.columns], [shape.columns]]);

      const [dx, dgamma, dbeta] = views;
      const read = (name: string) => io.read(inputs[name] as TensorInfo) as Float32Array;
      batchNormBackward(shape, read('dy'), read('x'), read('gamma'), read('mean'),
        read('invStd'), { dx, dgamma, dbeta });
      return outputs;
    },
  };
}

/**
 * Batch normalisation of a [rows, features] batch in training as two kernels, for wasm or
 * cpu: tfjs's layer composes it of moments, a fused batch norm and the moving averages, and
 * its gradient of about thirty element-wise kernels over the whole batch.
 */
export function batchNormKernels(backendName: string): KernelConfig[] {
  return [trainingKernel(backendName), gradientsKernel(backendName)];
}

export function hasBatchNormKernels(): boolean {
  return tf.getKernel(BATCH_NORM_TRAINING, tf.getBackend()) !== undefined;
}

/** Whole vectors of four features: the SIMD loops' case. Others take the float64 loops. */
function simdShape({ rows, columns }: BatchShape): boolean {
  return rows > 0 && columns > 0 && columns % 4 === 0;
}

/**
 * The wasm backend's training pass: sums and the output are SIMD loops over the batch where
 * tfjs keeps it (`batch-norm-wasm-functions.ts`), float32 as tfjs's own reductions are; the
 * per-feature arithmetic between them is a few hundred values, done here.
 */
function wasmForward(
  backend: BackendWasm,
  { rows, columns }: BatchShape,
  inputs: { x: TensorInfo; gamma: TensorInfo; beta: TensorInfo },
  epsilon: number,
): TensorInfo[] {
  const outputs = [[rows, columns], [columns], [columns], [columns], [columns]]
    .map((shape) => backend.makeOutput(shape, 'float32'));
  const [y, mean, variance, invStd, scratch] = outputs;
  const view = (info: TensorInfo) => backend.typedArrayFromHeap(info) as Float32Array;
  const at = (info: TensorInfo) => heapOffset(backend, info);
  const functions = heapFunctions(backend);
  const rowBytes = columns * 4;

  view(mean).fill(0);
  functions.sumRows(at(inputs.x), at(mean), rows, rowBytes);
  const means = view(mean);
  for (let c = 0; c < columns; c++) means[c] /= rows;

  view(variance).fill(0);
  functions.sumSquaredDeviations(at(inputs.x), at(mean), at(variance), rows, rowBytes);
  const [variances, invStds, gamma] = [variance, invStd, inputs.gamma].map(view);
  const scales = view(scratch);
  for (let c = 0; c < columns; c++) {
    variances[c] /= rows;
    invStds[c] = 1 / Math.sqrt(variances[c] + epsilon);
    scales[c] = gamma[c] * invStds[c];
  }

  functions.normalizeRows(at(inputs.x), at(mean), at(scratch), at(inputs.beta), at(y), rows,
    rowBytes);
  backend.disposeData(scratch.dataId);
  return [y, mean, variance, invStd];
}

function wasmBackward(
  backend: BackendWasm,
  { rows, columns }: BatchShape,
  inputs: Record<string, TensorInfo>,
): TensorInfo[] {
  const outputs = [[rows, columns], [columns], [columns], [3 * columns]]
    .map((shape) => backend.makeOutput(shape, 'float32'));
  const [dx, dgamma, dbeta, scratch] = outputs;
  const view = (info: TensorInfo) => backend.typedArrayFromHeap(info) as Float32Array;
  const at = (info: TensorInfo) => heapOffset(backend, info);
  const functions = heapFunctions(backend);
  const rowBytes = columns * 4;
  const { dy, x } = inputs;

  view(dbeta).fill(0);
  functions.sumRows(at(dy), at(dbeta), rows, rowBytes);
  view(dgamma).fill(0);
  functions.sumProductDeviations(at(dy), at(x), at(inputs.mean), at(dgamma), rows, rowBytes);

  const [gamma, invStd, dgammas, dbetas, abk] =
    [inputs.gamma, inputs.invStd, dgamma, dbeta, scratch].map(view);
  for (let c = 0; c < columns; c++) {
    dgammas[c] *= invStd[c];
    const factor = gamma[c] * invStd[c] / rows;
    abk[c] = factor * rows;
    abk[columns + c] = -factor * dgammas[c] * invStd[c];
    abk[2 * columns + c] = -factor * dbetas[c];
  }

  const a = at(scratch);
  functions.combineRows(at(dy), at(x), at(inputs.mean), a, a + rowBytes, a + 2 * rowBytes,
    at(dx), rows, rowBytes);
  backend.disposeData(scratch.dataId);
  return [dx, dgamma, dbeta];
}
