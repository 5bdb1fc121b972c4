import { tf } from '../tf/tf.ts';

interface GlobalBiasArgs {
  /** Starting value, e.g. the mean scaled training rating. */
  initial: number;
  name?: string;
}

/** Adds one trainable scalar to its input: the global offset of a biased model. */
export class GlobalBias extends tf.layers.Layer {
  static readonly className = 'GlobalBias';
  private readonly initial: number;
  private bias?: tf.LayerVariable;

  constructor(args: GlobalBiasArgs) {
    super({ name: args.name });
    this.initial = args.initial;
  }

  override build(): void {
    const initializer = tf.initializers.constant({ value: this.initial });
    this.bias = this.addWeight('bias', [1], 'float32', initializer);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.add(input, this.bias!.read());
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), initial: this.initial };
  }
}

tf.serialization.registerClass(GlobalBias);
