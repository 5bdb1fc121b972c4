import { tf } from '../tf/tf.ts';
import { unscaleRating, type RatingScale } from './training-data.ts';

/** Scores pairs with a model in inference mode, batch by batch; returns its raw outputs. */
export function predictInBatches(
  model: tf.LayersModel,
  users: Int32Array,
  items: Int32Array,
  batchSize = 8192,
): Float32Array {
  const out = new Float32Array(users.length);
  for (let start = 0; start < users.length; start += batchSize) {
    const end = Math.min(start + batchSize, users.length);
    const values = tf.tidy(() => {
      const u = tf.tensor2d(users.slice(start, end), [end - start, 1], 'int32');
      const i = tf.tensor2d(items.slice(start, end), [end - start, 1], 'int32');
      return (model.predict([u, i]) as tf.Tensor).dataSync();
    });
    out.set(values, start);
  }
  return out;
}

/** Maps scaled outputs back to the rating scale exactly, then clips to it, in place. */
export function toRatings(scaled: Float32Array, scale: RatingScale): Float32Array {
  for (let i = 0; i < scaled.length; i++) {
    const rating = unscaleRating(scaled[i], scale);
    scaled[i] = Math.min(scale.max, Math.max(scale.min, rating));
  }
  return scaled;
}
