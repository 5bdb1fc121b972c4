import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf.ts';
import { heapFunctions, heapOffset } from './wasm-heap.ts';

/** Kernel name; inputs `{ value, firstMoment, secondMoment, gradient }`, attrs `AdamStep`. */
export const ADAM_UPDATE = 'RecommenderAdamUpdate';

/** One step's scalars, as tfjs's Adam holds them. */
export interface AdamStep {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 - beta1^t and 1 - beta2^t at this step t, with beta^t a float32 running product. */
  firstCorrection: number;
  secondCorrection: number;
}

/**
 * One Adam update of one variable in one kernel call: tfjs's Adam spends fourteen on it,
 * and for MF those were more than half of a training step. New value and moments are new
 * tensors (never the inputs, whose buffers a clone may share), computed with tfjs's float32
 * operations in its order, so the weights are bit-equal to tfjs's Adam.
 */
export function wasmAdamUpdateKernel(): KernelConfig {
  return {
    kernelName: ADAM_UPDATE,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as BackendWasm;
      const names = ['value', 'firstMoment', 'secondMoment', 'gradient'] as const;
      const infos = names.map((name) => inputs[name] as TensorInfo);
      const outputs = [0, 1, 2].map(() => wasm.makeOutput(infos[0].shape, 'float32'));
      const offsets = [...infos, ...outputs].map((info) => heapOffset(wasm, info));

      const step = attrs as unknown as AdamStep;
      const f = Math.fround;
      const scalars = [
        f(step.beta1), f(1 - step.beta1), f(step.beta2), f(1 - step.beta2),
        f(step.firstCorrection), f(step.secondCorrection), f(step.epsilon), f(-step.learningRate),
      ];
      const size = tf.util.sizeFromShape(infos[0].shape);
      const vectorized = size - (size % 4);
      heapFunctions(wasm).adam(...offsets, vectorized * 4, ...scalars);

      if (vectorized < size) {
        const views = [...infos, ...outputs].map((info) => wasm.typedArrayFromHeap(info));
        adamTail(views as Float32Array[], vectorized, size, scalars);
      }
      return outputs;
    },
  };
}

/** The last one to three floats, with the SIMD function's operations one at a time. */
function adamTail(views: Float32Array[], from: number, to: number, scalars: number[]): void {
  const [value, first, second, gradient, newValue, newFirst, newSecond] = views;
  const [beta1, keep1, beta2, keep2, c1, c2, epsilon, rate] = scalars;
  const f = Math.fround;
  for (let k = from; k < to; k++) {
    const g = gradient[k];
    const m = f(f(first[k] * beta1) + f(g * keep1));
    const v = f(f(second[k] * beta2) + f(f(g * g) * keep2));
    newFirst[k] = m;
    newSecond[k] = v;
    const denominator = f(f(Math.sqrt(f(v / c2))) + epsilon);
    newValue[k] = f(f(f(f(m / c1) / denominator) * rate) + value[k]);
  }
}

export function hasAdamUpdateKernel(): boolean {
  return tf.getKernel(ADAM_UPDATE, tf.getBackend()) !== undefined;
}
