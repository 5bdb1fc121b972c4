import {
  BATCH_NORM_GRADIENTS, BATCH_NORM_TRAINING, hasBatchNormKernels,
} from '../tf/batch-norm-kernels.ts';
import { tf } from '../tf/tf.ts';

/** The parts of tfjs-layers' BatchNormalization a training pass reads and updates. */
interface BatchNormInternals {
  gamma: tf.LayerVariable | null;
  beta: tf.LayerVariable | null;
  movingMean: tf.LayerVariable;
  movingVariance: tf.LayerVariable;
  momentum: number;
  epsilon: number;
  axis: number;
}

type Call = tf.layers.Layer['call'];

/**
 * tfjs's batchNormalization layer, whose training pass over a [rows, features] batch runs as
 * two kernels (`src/tf/batch-norm-kernels.ts`) where the backend has them: the statistics and
 * the output in one, the three gradients in the other. tfjs's own pass is moments, a fused
 * batch norm and about thirty element-wise kernels of gradient over the whole batch, a
 * quarter of a DNN step on wasm. It is the same layer otherwise: same class, weights,
 * inference and moving averages (updated as tfjs updates them), so saved models load and
 * fold as before; elsewhere (other ranks, no kernels) tfjs's own pass runs.
 */
export function batchNormalization(args: { name: string; momentum: number }): tf.layers.Layer {
  const layer = tf.layers.batchNormalization(args);
  const stockCall: Call = layer.call.bind(layer);
  const internals = layer as unknown as BatchNormInternals;

  layer.call = (inputs, kwargs) => {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const fused = kwargs.training === true && x.rank === 2 && internals.axis === -1
      && internals.gamma !== null && internals.beta !== null && hasBatchNormKernels();
    if (!fused) return stockCall(inputs, kwargs);
    return tf.tidy(() => trainingPass(internals, x as tf.Tensor2D));
  };
  return layer;
}

function trainingPass(layer: BatchNormInternals, x: tf.Tensor2D): tf.Tensor {
  const { epsilon, momentum } = layer;
  const normalize = tf.customGrad((...args: unknown[]) => {
    const [input, gamma, beta] = args as tf.Tensor[];
    const save = args[3] as (tensors: tf.Tensor[]) => void;
    const [y, mean, variance, invStd] = tf.engine().runKernel(
      BATCH_NORM_TRAINING, { x: input, gamma, beta }, { epsilon }) as tf.Tensor[];
    updateMovingAverage(layer.movingMean, mean, momentum);
    updateMovingAverage(layer.movingVariance, variance, momentum);
    save([input, gamma, mean, invStd]);

    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedX, savedGamma, savedMean, savedInvStd] = saved;
      const gradientInputs = { dy, x: savedX, gamma: savedGamma, mean: savedMean,
        invStd: savedInvStd };
      return tf.engine().runKernel(BATCH_NORM_GRADIENTS, gradientInputs) as tf.Tensor[];
    };
    return { value: y, gradFunc };
  });
  return normalize(x, layer.gamma!.read(), layer.beta!.read());
}

/** As tfjs's layer does it: value - (value - batch statistic) (1 - momentum). */
function updateMovingAverage(variable: tf.LayerVariable, value: tf.Tensor, momentum: number) {
  tf.tidy(() => {
    const current = variable.read();
    const delta = tf.mul(tf.sub(current, value), 1 - momentum);
    variable.write(tf.sub(current, delta));
  });
}
