import { dropoutMask } from '../tf/dropout-mask-kernel.ts';
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
 * The mask is drawn by `dropoutMask` (`src/tf/dropout-mask-kernel.ts`) rather than by
 * `tf.dropout`, whose seeded generator and five kernels took about a tenth of a DNN step on
 * wasm.
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
