import type { KernelConfig, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import { biasedMfGradients, biasedMfObjective, type BiasedMfArrays } from './biased-mf-math.ts';
import { kernelIo, type KernelIo } from './kernel-io.ts';
import { tf } from './tf.ts';
import { firstOutOfRange } from '../util/index-range.ts';

/**
 * Kernel names. Inputs: `users` and `items` (int32) and `targets` (float32), one per rating,
 * and the five variables `userFactors`, `itemFactors`, `userBias`, `itemBias`, `offset`; the
 * gradients kernel also takes `dy`. Attrs: `{ l2 }`.
 */
export const BIASED_MF_OBJECTIVE = 'RecommenderBiasedMfObjective';
export const BIASED_MF_GRADIENTS = 'RecommenderBiasedMfGradients';

/**
 * The inputs as views where the backend keeps them: valid until the kernel makes an
 * output (see `KernelIo`).
 */
function readInputs(io: KernelIo, inputs: NamedTensorInfoMap, l2: number): BiasedMfArrays {
  const userFactors = inputs.userFactors as TensorInfo;
  const itemFactors = inputs.itemFactors as TensorInfo;
  const arrays: BiasedMfArrays = {
    users: io.read(inputs.users as TensorInfo),
    items: io.read(inputs.items as TensorInfo),
    targets: io.read(inputs.targets as TensorInfo),
    userFactors: io.read(userFactors),
    itemFactors: io.read(itemFactors),
    userBias: io.read(inputs.userBias as TensorInfo),
    itemBias: io.read(inputs.itemBias as TensorInfo),
    offset: io.read(inputs.offset as TensorInfo)[0],
    factors: userFactors.shape[1],
    l2,
  };
  checkIndices(arrays.users, userFactors.shape[0], 'user');
  checkIndices(arrays.items, itemFactors.shape[0], 'item');
  return arrays;
}

/** The same refusal a gather gives, so a bad index fails as it would in the layered model. */
function checkIndices(indices: ArrayLike<number>, rows: number, what: string): void {
  const index = firstOutOfRange(indices, rows);
  if (index !== undefined) {
    throw new Error(`BiasedMf: the ${what} index ${index} is not in [0, ${rows - 1}]`);
  }
}

function objectiveKernel(backendName: string): KernelConfig {
  return {
    kernelName: BIASED_MF_OBJECTIVE,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const io = kernelIo(backendName, backend);
      const arrays = readInputs(io, inputs, (attrs as unknown as { l2: number }).l2);
      const { objective, mse } = biasedMfObjective(arrays);

      const { outputs, views } = io.allocate([[], []]);
      views[0][0] = objective;
      views[1][0] = mse;
      return outputs;
    },
  };
}

function gradientsKernel(backendName: string): KernelConfig {
  return {
    kernelName: BIASED_MF_GRADIENTS,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const io = kernelIo(backendName, backend);
      const names = ['userFactors', 'itemFactors', 'userBias', 'itemBias'] as const;
      const shapes = [...names.map((name) => (inputs[name] as TensorInfo).shape), [1]];
      // Outputs first: the input views taken after them stay valid while the kernel runs.
      const { outputs, views } = io.allocate(shapes);
      const arrays = readInputs(io, inputs, (attrs as unknown as { l2: number }).l2);
      const dy = io.read(inputs.dy as TensorInfo)[0];

      const [userFactors, itemFactors, userBias, itemBias, offset] = views;
      biasedMfGradients(arrays, dy, { userFactors, itemFactors, userBias, itemBias, offset });
      return outputs;
    },
  };
}

/**
 * The objective and its gradients for one backend (wasm or cpu); on others the trainer
 * composes tfjs's own operations. `src/tf/backend.ts` registers them with the fast kernels.
 */
export function biasedMfKernels(backendName: 'wasm' | 'cpu'): KernelConfig[] {
  return [objectiveKernel(backendName), gradientsKernel(backendName)];
}

/** True when the active backend has the fused kernels (not on tfjs-node). */
export function hasBiasedMfKernels(): boolean {
  return tf.getKernel(BIASED_MF_OBJECTIVE, tf.getBackend()) !== undefined;
}
