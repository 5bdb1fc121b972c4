import {
  adamStepKernelName, cpuAdamStep, wasmAdamStep, type AdamStepAttrs,
} from './adam-step-kernel.ts';
import { tf } from './tf.ts';

interface Moment {
  originalName: string;
  variable: tf.Variable;
}

/** The state tfjs's AdamOptimizer keeps private; this subclass updates it the same way. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Moment[];
  accumulatedSecondMoment: Moment[];
}

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

const f = Math.fround;

/**
 * tfjs's Adam with each variable's update fused into one kernel (see adam-step-kernel.ts):
 * the same state, names, weights and results, a fifteenth of the kernel calls. On a backend
 * without the fused kernel (tfjs-node) it is tfjs's Adam unchanged.
 */
export class FusedAdam extends tf.AdamOptimizer {
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
    registerAdamStep();
  }

  override applyGradients(variableGradients: Gradients): void {
    if (!tf.getKernel(adamStepKernelName, tf.getBackend())) {
      super.applyGradients(variableGradients);
      return;
    }

    const state = this as unknown as AdamState;
    const list = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const attrs = this.stepAttrs(state);

    tf.tidy(() => {
      list.forEach(({ name, tensor: gradient }, index) => {
        const value = tf.engine().registeredVariables[name];
        const [m, v] = moments(state, index, name, value);
        if (gradient == null) return;

        const inputs = { value, m, v, gradient };
        const [newValue, newM, newV] = tf.engine().runKernel(
          adamStepKernelName, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(newM);
        v.assign(newV);
        value.assign(newValue);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }

  private stepAttrs(state: AdamState): AdamStepAttrs {
    return {
      beta1: f(this.beta1),
      oneMinusBeta1: f(1 - this.beta1),
      beta2: f(this.beta2),
      oneMinusBeta2: f(1 - this.beta2),
      correction1: f(1 - state.accBeta1.dataSync()[0]),
      correction2: f(1 - state.accBeta2.dataSync()[0]),
      epsilon: f(this.epsilon),
      negativeLearningRate: f(-this.learningRate),
    };
  }
}

/** The moments of variable `index`, made as tfjs makes them (zeros, not trainable). */
function moments(state: AdamState, index: number, name: string, value: tf.Variable) {
  const make = (suffix: string): Moment => ({
    originalName: `${name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
  });
  state.accumulatedFirstMoment[index] ??= make('m');
  state.accumulatedSecondMoment[index] ??= make('v');
  const first = state.accumulatedFirstMoment[index].variable;
  return [first, state.accumulatedSecondMoment[index].variable];
}

let registered = false;

function registerAdamStep(): void {
  if (registered) return;
  registered = true;
  for (const kernel of [wasmAdamStep, cpuAdamStep]) {
    if (!tf.getKernel(kernel.kernelName, kernel.backendName)) tf.registerKernel(kernel);
  }
}
