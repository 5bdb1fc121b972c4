import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { tf } from './tf.ts';

/** The arguments tfjs passes a kernel. */
export type KernelArgs = Parameters<KernelFunc>[0];

/**
 * A wasm kernel of ours in place of tfjs's own: `attempt` returns its result, or undefined
 * for a case it does not cover, which the stock kernel then computes. The stock kernel's
 * setup function is kept, so switching between the two after the backend started is safe.
 */
export function replaceWasmKernel(
  kernelName: string,
  attempt: (args: KernelArgs) => TensorInfo | TensorInfo[] | undefined,
): KernelConfig {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (!stock) throw new Error(`the wasm backend has no ${kernelName} kernel to replace`);

  return {
    kernelName,
    backendName: 'wasm',
    setupFunc: stock.setupFunc,
    kernelFunc: (args) => attempt(args) ?? stock.kernelFunc(args),
  };
}
