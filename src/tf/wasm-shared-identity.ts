import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { replaceWasmKernel } from './replace-wasm-kernel.ts';

/**
 * Identity (what `clone` and several gradients run) as a second reference to the same data,
 * as the wasm backend's own Reshape does and the cpu backend's Identity does. The stock wasm
 * kernel copies every element: about 3% of a DNN step. No kernel writes into its inputs, so
 * the two tensors cannot tell their data is shared; the backend frees it with the last one.
 */
export function sharedIdentityKernel(): KernelConfig {
  return replaceWasmKernel('Identity', (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return undefined;

    (args.backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  });
}
