import type { KernelConfig } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from './tf.ts';
import { heapFunctions, heapOffset } from './wasm-heap.ts';

/** Kernel name: no inputs; attrs `{ shape, rate, seed }`; one float32 output, the mask. */
export const DROPOUT_MASK = 'RecommenderDropoutMask';

interface MaskAttrs {
  shape: number[];
  rate: number;
  seed: number;
}

/** Where a mask's four generators start and what they write: the same on every backend. */
function maskStart({ rate, seed }: MaskAttrs) {
  return {
    states: [0, 1, 2, 3].map((lane) => laneSeed(seed, lane)),
    threshold: Math.floor(rate * 2 ** 31),
    kept: 1 / (1 - rate),
  };
}

/**
 * murmur3's finaliser of (seed, lane): nearby seeds and the four lanes start far apart, and
 * xorshift32 must not start at zero.
 */
function laneSeed(seed: number, lane: number): number {
  let h = (Math.imul(seed, 4) + lane) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) || 1;
}

/**
 * Each entry 0 with probability `rate`, else 1 / (1 - rate), so the expected output is the
 * input. A mask is hundreds of thousands of draws a step, so the draws are xorshift32 (four
 * generators, entry k from generator k mod 4, as the SIMD kernel runs them) and the choice
 * is branch-free (the sign of a 31-bit difference indexes the two values): a generator of
 * statistical quality (mulberry32, as the splits use) with a branch per entry cost as much
 * as tfjs's dropout. Dropout needs independent-looking bits, nothing more.
 */
export function maskInJavaScript(attrs: MaskAttrs): Float32Array {
  const size = attrs.shape.reduce((product, length) => product * length, 1);
  const mask = new Float32Array(size);
  const start = maskStart(attrs);
  const values = Float32Array.of(start.kept, 0);
  const { threshold, states } = start;

  for (let k = 0; k < size; k += 4) {
    for (let lane = 0; lane < 4; lane++) {
      let state = states[lane];
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      states[lane] = state;
      if (k + lane < size) mask[k + lane] = values[((state >>> 1) - threshold) >>> 31];
    }
  }
  return mask;
}

/**
 * The same mask drawn by a WebAssembly loop straight into the wasm backend's heap
 * (`dropout-mask-wasm-function.ts`), four draws at a time: the same bits, without drawing
 * into a JavaScript array and copying it in. One generator drawing one entry at a time took
 * about a fifteenth of a DNN step.
 */
export function wasmDropoutMaskKernel(): KernelConfig {
  return {
    kernelName: DROPOUT_MASK,
    backendName: 'wasm',
    kernelFunc: ({ attrs, backend }) => {
      const wasm = backend as BackendWasm;
      const mask = attrs as unknown as MaskAttrs;
      const out = wasm.makeOutput(mask.shape, 'float32');
      const size = tf.util.sizeFromShape(mask.shape);
      const { states, threshold, kept } = maskStart(mask);
      heapFunctions(wasm).dropoutMask(heapOffset(wasm, out), size, ...states.map((s) => s | 0),
        threshold | 0, kept);
      return out;
    },
  };
}

/** The mask as a tensor: drawn by the backend's kernel where it has one. */
export function dropoutMask(shape: number[], rate: number, seed: number): tf.Tensor {
  const attrs = { shape, rate, seed };
  if (tf.getKernel(DROPOUT_MASK, tf.getBackend()) === undefined) {
    return tf.tensor(maskInJavaScript(attrs), shape);
  }
  return tf.engine().runKernel(DROPOUT_MASK, {}, attrs as never) as tf.Tensor;
}
