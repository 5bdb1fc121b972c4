import type { GradConfig, KernelConfig } from '@tensorflow/tfjs';
import { batchNormKernels } from './batch-norm-kernels.ts';
import { biasedMfKernels } from './biased-mf-kernels.ts';
import { wasmDropoutMaskKernel } from './dropout-mask-kernel.ts';
import { broadcastGradients } from './broadcast-gradients.ts';
import { tf } from './tf.ts';
import { leadingAxisReductionKernels } from './wasm-leading-axis-reductions.ts';
import { fastGatherKernel } from './wasm-gather-rows.ts';
import { fastMatMulKernels } from './wasm-matmul-kernels.ts';
import { wasmAdamUpdateKernel } from './wasm-adam-update.ts';
import { sharedIdentityKernel } from './wasm-shared-identity.ts';
import { fastTileKernel } from './wasm-tile.ts';

/** Each kernel of src/tf and what it replaces: tfjs's own, or nothing (a fused kernel). */
let pairs: { fast: KernelConfig; stock: KernelConfig | undefined }[] | undefined;

/**
 * Switches the wasm backend between the kernels of src/tf and tfjs's own. Both sets share
 * the stock setup functions, so switching after the backend started is safe; the
 * benchmark and the equality tests switch back and forth in one process. Kernels tfjs does
 * not have (MF's fused objective) are removed in the stock set, so the trainer composes
 * tfjs's own operations there.
 */
export function useFastWasmKernels(enabled: boolean): void {
  pairs ??= [
    ...fastMatMulKernels(), ...leadingAxisReductionKernels(), fastTileKernel(),
    fastGatherKernel(), sharedIdentityKernel(), ...biasedMfKernels('wasm'),
    wasmAdamUpdateKernel(), ...batchNormKernels('wasm'), wasmDropoutMaskKernel(),
  ].map((fast) => ({ fast, stock: tf.getKernel(fast.kernelName, 'wasm') }));

  for (const { fast, stock } of pairs) {
    if (tf.getKernel(fast.kernelName, 'wasm')) tf.unregisterKernel(fast.kernelName, 'wasm');
    const kernel = enabled ? fast : stock;
    if (kernel) tf.registerKernel(kernel);
  }
  useBroadcastGradients(enabled);
}

let gradients: { fast: GradConfig; stock: GradConfig }[] | undefined;

/**
 * Switches Mean's and Sum's gradients between ours (`broadcast-gradients.ts`) and tfjs's.
 * Gradients are registered for every backend at once; ours give the same bits.
 */
export function useBroadcastGradients(enabled: boolean): void {
  gradients ??= broadcastGradients()
    .map((fast) => ({ fast, stock: tf.getGradient(fast.kernelName) }));
  for (const { fast, stock } of gradients) tf.registerGradient(enabled ? fast : stock);
}
