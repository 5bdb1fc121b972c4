import { tf } from '../tf/tf.ts';
import { ADAM_UPDATE, type AdamStep } from '../tf/wasm-adam-update.ts';

/**
 * tfjs's Adam with each variable's update as one kernel call instead of fourteen: the same
 * float32 operations in the same order (bit-equal weights), the same defaults (beta1 0.9,
 * beta2 0.999, the backend's epsilon), `learningRate` read at every step as tfjs's is.
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  /** beta1^t and beta2^t, multiplied up in float32 as tfjs's Adam does. */
  private readonly powers = { first: Math.fround(0.9), second: Math.fround(0.999) };
  private readonly moments: { first: tf.Variable; second: tf.Variable }[] = [];

  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
  }

  override applyGradients(
    gradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[],
  ): void {
    const list = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const step: AdamStep = {
      learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2,
      epsilon: this.epsilon,
      firstCorrection: Math.fround(1 - this.powers.first),
      secondCorrection: Math.fround(1 - this.powers.second),
    };

    tf.tidy(() => list.forEach(({ name, tensor }, index) => {
      const value = tf.engine().registeredVariables[name];
      this.moments[index] ??= {
        first: tf.zerosLike(value).variable(false),
        second: tf.zerosLike(value).variable(false),
      };
      if (tensor == null) return;

      const { first, second } = this.moments[index];
      const inputs = { value, firstMoment: first, secondMoment: second, gradient: tensor };
      const attrs = step as unknown as Record<string, number>;
      const [next, nextFirst, nextSecond] = tf.engine().runKernel(ADAM_UPDATE, inputs, attrs) as
        tf.Tensor[];
      value.assign(next);
      first.assign(nextFirst);
      second.assign(nextSecond);
    }));

    this.powers.first = Math.fround(this.powers.first * Math.fround(this.beta1));
    this.powers.second = Math.fround(this.powers.second * Math.fround(this.beta2));
    this.incrementIterations();
  }

  override dispose(): void {
    super.dispose();
    for (const { first, second } of this.moments) {
      first.dispose();
      second.dispose();
    }
  }
}
