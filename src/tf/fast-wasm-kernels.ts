import type { KernelConfig } from '@tensorflow/tfjs';
import { tf } from './tf.ts';
import { leadingAxisReductionKernels } from './wasm-leading-axis-reductions.ts';
import { fastGatherKernel } from './wasm-gather-rows.ts';
import { fastMatMulKernels } from './wasm-matmul-kernels.ts';
import { sharedIdentityKernel } from './wasm-shared-identity.ts';
import { fastTileKernel } from './wasm-tile.ts';

let stock: KernelConfig[] | undefined;
let fast: KernelConfig[] | undefined;

/**
 * Switches the wasm backend between the kernels of src/tf and tfjs's own. Both sets share
 * the stock setup functions, so switching after the backend started is safe; the
 * benchmark and the equality tests switch back and forth in one process.
 */
export function useFastWasmKernels(enabled: boolean): void {
  if (!fast) {
    fast = [
      ...fastMatMulKernels(), ...leadingAxisReductionKernels(), fastTileKernel(),
      fastGatherKernel(), sharedIdentityKernel(),
    ];
    stock = fast.map((kernel) => tf.getKernel(kernel.kernelName, 'wasm') as KernelConfig);
  }

  for (const kernel of enabled ? fast : (stock as KernelConfig[])) {
    tf.unregisterKernel(kernel.kernelName, 'wasm');
    tf.registerKernel(kernel);
  }
}
