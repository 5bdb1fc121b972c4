import type { KernelConfig, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import { biasedMfGradients, biasedMfObjective, type BiasedMfArrays } from './biased-mf-math.ts';
import { kernelIo, type KernelIo } from './kernel-io.ts';
import { tf } from './tf.ts';

/** Kernel names; inputs as in `BiasedMfInputs`, attrs `{ l2 }`. */
export const BIASED_MF_OBJECTIVE = 'RecommenderBiasedMfObjective';
export const BIASED_MF_GRADIENTS = 'RecommenderBiasedMfGradients';

/**
 * Copies the inputs out of the backend first: on wasm, making an output may grow the heap
 * and detach every view taken before it.
 */
function readInputs(io: KernelIo, inputs: NamedTensorInfoMap, l2: number): BiasedMfArrays {
  const userFactors = inputs.userFactors as TensorInfo;
  const itemFactors = inputs.itemFactors as TensorInfo;
  const arrays: BiasedMfArrays = {
    users: io.read(inputs.users as TensorInfo).slice(),
    items: io.read(inputs.items as TensorInfo).slice(),
    targets: io.read(inputs.targets as TensorInfo).slice(),
    userFactors: io.read(userFactors).slice(),
    itemFactors: io.read(itemFactors).slice(),
    userBias: io.read(inputs.userBias as TensorInfo).slice(),
    itemBias: io.read(inputs.itemBias as TensorInfo).slice(),
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
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    if (index < 0 || index >= rows) {
      throw new Error(`BiasedMf: the ${what} index ${index} is not in [0, ${rows - 1}]`);
    }
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
      return [io.output([], Float32Array.of(objective)), io.output([], Float32Array.of(mse))];
    },
  };
}

function gradientsKernel(backendName: string): KernelConfig {
  return {
    kernelName: BIASED_MF_GRADIENTS,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const io = kernelIo(backendName, backend);
      const arrays = readInputs(io, inputs, (attrs as unknown as { l2: number }).l2);
      const dy = io.read(inputs.dy as TensorInfo)[0];
      const { userFactors, itemFactors, userBias, itemBias } = inputs as Record<string, TensorInfo>;
      const numUsers = userFactors.shape[0];
      const numItems = itemFactors.shape[0];
      const grads = biasedMfGradients(arrays, dy, numUsers, numItems);
      return [
        io.output(userFactors.shape, grads.userFactors),
        io.output(itemFactors.shape, grads.itemFactors),
        io.output(userBias.shape, grads.userBias),
        io.output(itemBias.shape, grads.itemBias),
        io.output([1], Float32Array.of(grads.offset)),
      ];
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
