import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs';
import { tf } from './tf.ts';

/**
 * The gradients of Mean and Sum as a broadcast of dy over the reduced axes. tfjs's multiply
 * dy by a tensor of ones of the input's shape, which it fills in JavaScript and uploads on
 * every call: batch normalisation's moments take two Means of [batch, 256] per layer, so a
 * DNN step built about 1.6M ones (4% of its time). Multiplying by one is exact, so these
 * give the same bits; Mean still divides by the count as tfjs's does.
 */
export function broadcastGradients(): GradConfig[] {
  return [
    {
      kernelName: 'Mean',
      inputsToSave: ['x'],
      gradFunc: (dy, saved, attrs) => {
        const { x, axes } = reduced(saved, attrs);
        const count = axes.reduce((product, axis) => product * x.shape[axis], 1);
        return { x: () => tf.div(broadcastBack(dy as Tensor, x.shape, axes), count) };
      },
    },
    {
      kernelName: 'Sum',
      inputsToSave: ['x'],
      gradFunc: (dy, saved, attrs) => {
        const { x, axes } = reduced(saved, attrs);
        return { x: () => tf.cast(broadcastBack(dy as Tensor, x.shape, axes), 'float32') };
      },
    },
  ];
}

function reduced(saved: Tensor[], attrs: NamedAttrMap) {
  const [x] = saved;
  const axes = tf.util.parseAxisParam(attrs.axis as number | number[], x.shape);
  return { x, axes };
}

/** dy, whose reduced axes were dropped or kept as 1, repeated back to `shape`. */
function broadcastBack(dy: Tensor, shape: number[], axes: number[]): Tensor {
  const expanded = shape.map((size, axis) => (axes.includes(axis) ? 1 : size));
  return tf.broadcastTo(tf.reshape(dy, expanded), shape);
}
