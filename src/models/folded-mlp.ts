import { tf } from '../tf/tf.ts';

/** A dense layer with the batch norm that followed it already folded into the next one. */
export interface FoldedLayer {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** The parts of a trained MLP recommender, rearranged for scoring many pairs at once. */
export interface FoldedParts {
  /** The first dense layer's product with each user's inputs: [numUsers, units]. */
  userFirst: tf.Tensor2D;
  /** The same for each item, the first layer's bias included: [numItems, units]. */
  itemFirst: tf.Tensor2D;
  /** The later ReLU layers, then the linear output ([units, 1]) last. */
  layers: FoldedLayer[];
  /** Per-user and per-item scalars added to the output (rating biases), [rows, 1]. */
  userBias?: tf.Tensor2D;
  itemBias?: tf.Tensor2D;
  /** Factor tables whose row-wise dot product is added (the hybrid's MF branch). */
  userFactors?: tf.Tensor2D;
  itemFactors?: tf.Tensor2D;
  /** Added to every output (a global offset outside the MLP's head). */
  offset: number;
}

/**
 * Scores pairs with an MLP over [user inputs | item inputs] without running the MLP's first
 * layer per pair. That layer's product splits into a user half and an item half, computed
 * once per user and per item and added per pair; batch norm at inference is an affine map,
 * folded into the next layer's kernel and bias; dropout is the identity. What remains per
 * pair is two row gathers, an add, and the later layers as fused matmul + bias + ReLU.
 */
export class FoldedMlp {
  constructor(private readonly parts: FoldedParts) {}

  /** The model's raw (scaled) outputs, one per pair. */
  predictScaled(users: Int32Array, items: Int32Array, batchSize = 16_384): Float32Array {
    const out = new Float32Array(users.length);
    for (let start = 0; start < users.length; start += batchSize) {
      const end = Math.min(start + batchSize, users.length);
      out.set(this.batch(users.subarray(start, end), items.subarray(start, end)), start);
    }
    return out;
  }

  dispose(): void {
    const { userFirst, itemFirst, layers, userBias, itemBias, userFactors, itemFactors } =
      this.parts;
    const tensors = [userFirst, itemFirst, userBias, itemBias, userFactors, itemFactors];
    for (const tensor of tensors) tensor?.dispose();
    for (const layer of layers) tf.dispose([layer.kernel, layer.bias]);
  }

  private batch(users: Int32Array, items: Int32Array): Float32Array {
    return tf.tidy(() => {
      const p = this.parts;
      const u = tf.tensor1d(users, 'int32');
      const i = tf.tensor1d(items, 'int32');

      let x = tf.relu(tf.add(tf.gather(p.userFirst, u), tf.gather(p.itemFirst, i)));
      const last = p.layers.length - 1;
      p.layers.forEach((layer, index) => {
        const activation = index < last ? 'relu' : 'linear';
        x = tf.fused.matMul({ a: x, b: layer.kernel, bias: layer.bias, activation });
      });

      const terms: tf.Tensor[] = [x];
      if (p.userBias) terms.push(tf.gather(p.userBias, u));
      if (p.itemBias) terms.push(tf.gather(p.itemBias, i));
      if (p.userFactors && p.itemFactors) {
        const dot = tf.mul(tf.gather(p.userFactors, u), tf.gather(p.itemFactors, i));
        terms.push(tf.sum(dot, 1, true));
      }
      const sum = terms.length > 1 ? tf.addN(terms) : x;
      return tf.add(sum, p.offset).dataSync() as Float32Array;
    });
  }
}
