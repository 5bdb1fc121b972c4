import { tf } from '../tf/tf.ts';
import { hasAdamUpdateKernel } from '../tf/wasm-adam-update.ts';
import { FusedAdamOptimizer } from './fused-adam.ts';
import type { BuiltModel } from './model-parts.ts';
import { predictInBatches, toRatings } from './predict-in-batches.ts';
import { seededRandom, shuffleInPlace } from '../util/seeded-random.ts';
import type { RatingScale, RatingSet } from './training-data.ts';

export interface TrainOptions {
  /** Most epochs to run; early stopping may end sooner. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Factor applied to the learning rate after each epoch (1 keeps it constant). */
  learningRateDecay: number;
  /** Epochs without a better validation RMSE before training stops. */
  patience: number;
  /** Seeds the shuffling of the training ratings. */
  seed: number;
  ratingScale: RatingScale;
  signal?: AbortSignal;
  onEpoch?: (record: EpochRecord) => void;
  onBatch?: (done: number, total: number, epoch: number) => void;
}

/** One epoch as history.json keeps it. Losses are MSE on the scaled rating, penalty aside. */
export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss: number;
  /** RMSE of the clipped predictions on the original scale. */
  valRmse: number;
  bestEpoch: number;
  samplesPerSecond: number;
  durationMs: number;
}

export interface TrainResult {
  history: EpochRecord[];
  bestEpoch: number;
  bestValRmse: number;
  /** True when the signal stopped training early; the best weights so far are kept. */
  aborted: boolean;
}

/**
 * Trains with Adam on the scaled ratings, one shuffled pass per epoch, and keeps the weights
 * of the epoch with the lowest validation RMSE (restored at the end). Every tensor it makes
 * is disposed: only the model's own weights outlive the call.
 */
export async function trainModel(
  built: BuiltModel,
  train: RatingSet,
  validation: RatingSet,
  options: TrainOptions,
): Promise<TrainResult> {
  // One kernel per variable update where the backend has it (wasm); bit-equal to tfjs's Adam.
  const optimizer = hasAdamUpdateKernel()
    ? new FusedAdamOptimizer(options.learningRate)
    : tf.train.adam(options.learningRate);
  const random = seededRandom(options.seed);
  const order = Int32Array.from({ length: train.users.length }, (_, i) => i);
  const history: EpochRecord[] = [];
  let best: { epoch: number; rmse: number; weights: tf.Tensor[] } | undefined;
  let aborted = false;

  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const started = performance.now();
      shuffleInPlace(order, random);
      const loss = await runEpoch(built, train, order, optimizer, epoch, options);
      if (loss === undefined) {
        aborted = true;
        break;
      }

      const { valLoss, valRmse } = evaluate(built.model, validation, options.ratingScale);
      if (!best || valRmse < best.rmse) {
        best?.weights.forEach((tensor) => tensor.dispose());
        best = { epoch, rmse: valRmse, weights: built.model.getWeights().map((w) => w.clone()) };
      }

      setLearningRate(optimizer, options.learningRate * options.learningRateDecay ** epoch);
      const durationMs = performance.now() - started;
      const record: EpochRecord = {
        epoch, loss, valLoss, valRmse, bestEpoch: best.epoch, durationMs,
        samplesPerSecond: train.users.length / (durationMs / 1000),
      };
      history.push(record);
      options.onEpoch?.(record);
      if (epoch - best.epoch >= options.patience) break;
    }
  } finally {
    optimizer.dispose();
    if (best) {
      built.model.setWeights(best.weights);
      best.weights.forEach((tensor) => tensor.dispose());
    }
  }
  return { history, bestEpoch: best?.epoch ?? 0, bestValRmse: best?.rmse ?? NaN, aborted };
}

/** One pass over the shuffled ratings; the mean batch loss, or undefined when aborted. */
async function runEpoch(
  built: BuiltModel,
  train: RatingSet,
  order: Int32Array,
  optimizer: tf.Optimizer,
  epoch: number,
  options: TrainOptions,
): Promise<number | undefined> {
  const { batchSize } = options;
  const batches = Math.ceil(order.length / batchSize);
  const variables = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  let lossSum = 0;

  for (let batch = 0; batch < batches; batch++) {
    // Yielding lets an abort from another task or thread land between batches.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) return undefined;

    const rows = order.subarray(batch * batchSize, Math.min((batch + 1) * batchSize, order.length));
    lossSum += trainBatch(built, gatherBatch(train, rows), optimizer, variables) * rows.length;
    options.onBatch?.(batch + 1, batches, epoch);
  }
  return lossSum / order.length;
}

interface Batch {
  users: Int32Array;
  items: Int32Array;
  targets: Float32Array;
}

function gatherBatch(train: RatingSet, rows: Int32Array): Batch {
  const batch: Batch = {
    users: new Int32Array(rows.length),
    items: new Int32Array(rows.length),
    targets: new Float32Array(rows.length),
  };
  for (let k = 0; k < rows.length; k++) {
    batch.users[k] = train.users[rows[k]];
    batch.items[k] = train.items[rows[k]];
    batch.targets[k] = train.scaled[rows[k]];
  }
  return batch;
}

function trainBatch(
  built: BuiltModel,
  batch: Batch,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
): number {
  const fused = built.fusedObjective;
  return tf.tidy(() => {
    const size = batch.users.length;
    const users = tf.tensor2d(batch.users, [size, 1], 'int32');
    const items = tf.tensor2d(batch.items, [size, 1], 'int32');
    const targets = tf.tensor2d(batch.targets, [size, 1]);

    // The reported loss is the plain MSE, comparable with valLoss; the penalty only steers.
    let mse: tf.Scalar | undefined;
    optimizer.minimize(() => {
      if (fused) {
        const result = fused(users, items, targets);
        mse = result.mse;
        return result.objective;
      }
      const output = built.model.apply([users, items], { training: true }) as tf.Tensor;
      mse = tf.keep(tf.losses.meanSquaredError(targets, output) as tf.Scalar);
      // minimize disposes what it is given, so it gets a copy of the kept MSE.
      return built.penalty ? tf.add(mse, built.penalty(users, items)) as tf.Scalar : mse.clone();
    }, false, variables);
    const value = mse!.dataSync()[0];
    mse!.dispose();
    return value;
  });
}

/** Validation loss (scaled MSE, as training reports it) and RMSE on the rating scale. */
function evaluate(model: tf.LayersModel, validation: RatingSet, scale: RatingScale) {
  const scaled = predictInBatches(model, validation.users, validation.items);
  let squaredScaled = 0;
  for (let k = 0; k < scaled.length; k++) squaredScaled += (scaled[k] - validation.scaled[k]) ** 2;

  const ratings = toRatings(scaled, scale);
  let squared = 0;
  for (let k = 0; k < ratings.length; k++) squared += (ratings[k] - validation.ratings[k]) ** 2;
  return { valLoss: squaredScaled / scaled.length, valRmse: Math.sqrt(squared / ratings.length) };
}

/** Adam reads its step size from this field at every update. */
function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}
