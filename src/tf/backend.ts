import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tf } from './tf.ts';
import { batchNormKernels } from './batch-norm-kernels.ts';
import { biasedMfKernels } from './biased-mf-kernels.ts';
import { cpuUnsortedSegmentSum } from './cpu-unsorted-segment-sum.ts';
import { useBroadcastGradients, useFastWasmKernels } from './fast-wasm-kernels.ts';
import { wasmUnsortedSegmentSum } from './wasm-unsorted-segment-sum.ts';

export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

export interface BackendChoice {
  /** The tfjs backend name now active: 'tensorflow', 'wasm' or 'cpu'. */
  name: string;
  /** Why the faster ones were passed over, for the run's log. */
  skipped: string[];
  /**
   * Whose kernels run where the two differ: the project's (`src/tf`, on wasm and cpu) or,
   * with RECOMMENDER_WASM_KERNELS=stock and on tfjs-node, tfjs's own.
   */
  kernels: 'project' | 'tfjs';
}

const order: Exclude<BackendPreference, 'auto'>[] = ['tensorflow', 'wasm', 'cpu'];
let active: Promise<BackendChoice> | undefined;

/**
 * Activates the fastest backend that works here: tfjs-node (libtensorflow) when it is
 * installed, else WebAssembly, else plain JavaScript. An explicit preference is honoured or
 * fails loudly, so a benchmark never measures a silent fallback. Idempotent per process.
 */
export function initBackend(preference: BackendPreference = 'auto'): Promise<BackendChoice> {
  active ??= choose(preference);
  return active;
}

async function choose(preference: BackendPreference): Promise<BackendChoice> {
  const candidates = preference === 'auto' ? order : [preference];
  const skipped: string[] = [];
  // Tests and the benchmark compare against cpu even when another backend runs.
  silenceCpuGreeting();

  for (const name of candidates) {
    try {
      await activate(name);
      const stock = process.env.RECOMMENDER_WASM_KERNELS === 'stock' || name === 'tensorflow';
      return { name: tf.getBackend(), skipped, kernels: stock ? 'tfjs' : 'project' };
    } catch (error) {
      skipped.push(`${name}: ${reasonOf(error)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${skipped.join('; ')})`);
}

/** One short clause for the run's log: an absent optional package is the common case. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return 'not installed';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

async function activate(name: Exclude<BackendPreference, 'auto'>): Promise<void> {
  if (name === 'tensorflow') {
    // Optional dependency: absent wherever libtensorflow could not be downloaded.
    await import('@tensorflow/tfjs-node' as string);
  }
  if (name === 'wasm') await registerWasm();
  if (name === 'cpu') useFastCpuKernels();

  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
  await tf.ready();
}

async function registerWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  const distDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));

  wasm.setWasmPaths(join(distDir, '/'));
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) tf.registerKernel(wasmUnsortedSegmentSum);
  // RECOMMENDER_WASM_KERNELS=stock keeps tfjs's own kernels, to compare the two.
  if (process.env.RECOMMENDER_WASM_KERNELS !== 'stock') useFastWasmKernels(true);
}

/**
 * Registered when cpu is the run's backend (and by the benchmark): elsewhere cpu serves the
 * tests as tfjs's reference. RECOMMENDER_WASM_KERNELS=stock keeps tfjs's kernel here too.
 */
export function useFastCpuKernels(): void {
  if (process.env.RECOMMENDER_WASM_KERNELS === 'stock') return;
  if (tf.getKernel('UnsortedSegmentSum', 'cpu') === cpuUnsortedSegmentSum) return;
  const fused = [...biasedMfKernels('cpu'), ...batchNormKernels('cpu')];
  fused.forEach((kernel) => tf.registerKernel(kernel));
  useBroadcastGradients(true);
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel(cpuUnsortedSegmentSum);
}

/** The cpu backend prints an advert for tfjs-node on first use; ours reports the backend. */
function silenceCpuGreeting(): void {
  const backend = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (backend) backend.firstUse = false;
}
