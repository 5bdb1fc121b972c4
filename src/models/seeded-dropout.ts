import { tf } from '../tf/tf.ts';

interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Dropout whose masks are reproducible. tfjs's own dropout layer either draws from
 * Math.random (no seed) or, given a seed, draws the same mask on every batch. This one seeds
 * each training call with the base seed plus a call counter: a fresh mask per batch, and the
 * same sequence of masks in every run. At inference it is the identity.
 *
 * The mask is drawn here rather than by `tf.dropout`, whose seeded generator and five
 * kernels took about a tenth of a DNN step on wasm.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  private readonly rate: number;
  private readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!kwargs.training || this.rate === 0) return input;

    const seed = this.seed + this.calls;
    this.calls += 1;
    return tf.mul(input, dropoutMask(input.shape, this.rate, seed));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);

/**
 * Each entry 0 with probability `rate`, else 1 / (1 - rate), so the expected output is the
 * input. A mask is hundreds of thousands of draws a step, so the draw is xorshift32 and the
 * choice is branch-free (the sign of a 31-bit difference indexes the two values): a
 * generator of statistical quality (mulberry32, as the splits use) with a branch per entry
 * cost as much as tfjs's dropout. Dropout needs independent-looking bits, nothing more.
 */
export function dropoutMask(shape: number[], rate: number, seed: number): tf.Tensor {
  const size = shape.reduce((product, length) => product * length, 1);
  const mask = new Float32Array(size);
  const values = Float32Array.of(1 / (1 - rate), 0);
  const threshold = Math.floor(rate * 2 ** 31);
  // xorshift32 must not start at zero; the seed is mixed so nearby seeds start far apart.
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 1;

  for (let k = 0; k < size; k++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    mask[k] = values[((state >>> 1) - threshold) >>> 31];
  }
  return tf.tensor(mask, shape);
}
