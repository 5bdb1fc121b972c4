import { tf } from '../tf/tf.ts';
import {
  BIASED_MF_GRADIENTS, BIASED_MF_OBJECTIVE, hasBiasedMfKernels,
} from '../tf/biased-mf-kernels.ts';

/** A model's training objective for one batch in few kernels, and the plain MSE beside it. */
export type FusedObjective = (
  users: tf.Tensor,
  items: tf.Tensor,
  targets: tf.Tensor,
) => { objective: tf.Scalar; mse: tf.Scalar };

/** The five layers whose first weights are the biased-MF tables and the global offset. */
export interface BiasedMfLayers {
  userFactors: tf.layers.Layer;
  itemFactors: tf.layers.Layer;
  userBias: tf.layers.Layer;
  itemBias: tf.layers.Layer;
  offset: tf.layers.Layer;
}

/**
 * Biased MF's objective (MSE plus the per-rating L2 on the rows a batch uses) as one kernel
 * forward and one backward, on the model's own variables. The layered model takes about 290
 * kernel calls a step for the same numbers, and at 16 factors and 256 ratings a batch the
 * step costs what those calls cost, not their arithmetic. Undefined where the active backend
 * lacks the kernels (tfjs-node, or RECOMMENDER_WASM_KERNELS=stock): the layered path serves.
 */
export function fusedBiasedMfObjective(
  layers: BiasedMfLayers,
  l2: number,
): FusedObjective | undefined {
  if (!hasBiasedMfKernels()) return undefined;
  const order = ['userFactors', 'itemFactors', 'userBias', 'itemBias', 'offset'] as const;

  return (users, items, targets) => {
    const variables = order.map((name) => layers[name].weights[0].read());
    let mse: tf.Scalar | undefined;

    const objective = tf.customGrad((...args: unknown[]) => {
      const [userFactors, itemFactors, userBias, itemBias, offset] = args as tf.Tensor[];
      const inputs = {
        users, items, targets, userFactors, itemFactors, userBias, itemBias, offset,
      };
      const [value, plain] = tf.engine().runKernel(BIASED_MF_OBJECTIVE, inputs, { l2 }) as
        tf.Scalar[];
      mse = tf.keep(plain);

      const gradFunc = (dy: tf.Tensor) =>
        tf.engine().runKernel(BIASED_MF_GRADIENTS, { ...inputs, dy }, { l2 }) as tf.Tensor[];
      return { value, gradFunc };
    })(...variables) as tf.Scalar;

    return { objective, mse: mse! };
  };
}
