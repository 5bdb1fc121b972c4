import type { tf } from '../tf/tf.ts';

/** One layer's single weight as a plain array: the model's tables are small. */
function table(model: tf.LayersModel, name: string): Float32Array {
  return model.getLayer(name).getWeights()[0].dataSync() as Float32Array;
}

/**
 * A trained MF model as plain arrays: a pair's score is a 16-wide dot product plus three
 * numbers, which JavaScript computes far faster than a round of tfjs kernels per batch when
 * the whole catalogue is ranked. The outputs are the model's own, in the scaled space.
 */
export class FoldedMf {
  private readonly userFactors: Float32Array;
  private readonly itemFactors: Float32Array;
  private readonly userBias: Float32Array;
  private readonly itemBias: Float32Array;
  private readonly offset: number;
  private readonly width: number;

  constructor(model: tf.LayersModel) {
    this.userFactors = table(model, 'user_factors');
    this.itemFactors = table(model, 'item_factors');
    this.userBias = table(model, 'user_bias');
    this.itemBias = table(model, 'item_bias');
    this.offset = table(model, 'global_offset')[0];
    this.width = this.userFactors.length / this.userBias.length;
  }

  predictScaled(users: Int32Array, items: Int32Array): Float32Array {
    const { userFactors, itemFactors, width } = this;
    const out = new Float32Array(users.length);

    for (let pair = 0; pair < users.length; pair++) {
      const user = users[pair] * width;
      const item = items[pair] * width;
      let dot = 0;
      for (let k = 0; k < width; k++) dot += userFactors[user + k] * itemFactors[item + k];
      out[pair] = dot + this.userBias[users[pair]] + this.itemBias[items[pair]] + this.offset;
    }
    return out;
  }

  /** Nothing to free: the arrays are copies, the model keeps its own tensors. */
  dispose(): void {}
}
