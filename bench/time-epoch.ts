import { trainModel } from '../src/models/train-model.ts';
import { tf } from '../src/tf/tf.ts';
import { buildBenchModel, type ModelName } from './bench-models.ts';
import { firstRatings, type BenchRatings } from './read-ratings.ts';

export interface EpochTiming {
  model: ModelName;
  backend: string;
  kernels: 'fast' | 'stock' | '-';
  batchSize: number;
  /** Ratings actually trained on; fewer than the epoch when capped. */
  trained: number;
  /** Seconds for a whole epoch, extrapolated from `trained` when capped. */
  epochSeconds: number;
  /**
   * Processor seconds the process spent on the epoch (all its threads). On a shared machine
   * this moves less than the wall time when other work takes the cores.
   */
  cpuSeconds: number;
  samplesPerSecond: number;
  capped: boolean;
}

const validationSize = 2000;

/**
 * Times one epoch of the project's trainer (Adam, shuffled batches, a validation pass over
 * 2,000 ratings, or a tenth of the ratings trained on when capped). A warm-up of a few
 * batches comes first so that kernel compilation and first-use set-up are not billed to
 * the epoch. `cap` limits the ratings trained on; the
 * epoch time is then the measured rate times the full epoch.
 */
export async function timeEpoch(
  model: ModelName,
  data: BenchRatings,
  settings: { backend: string; kernels: EpochTiming['kernels']; batchSize: number; cap?: number },
): Promise<EpochTiming> {
  const total = data.set.users.length;
  const trained = Math.min(total, settings.cap ?? total);
  const built = buildBenchModel(model, data);
  const options = {
    epochs: 1, batchSize: settings.batchSize, learningRate: 0.001, learningRateDecay: 1,
    patience: 1, seed: 7,
    ratingScale: { min: 1, max: 5 },
  };
  const validation = firstRatings(data.set, Math.min(validationSize, Math.ceil(trained / 10)));

  await trainModel(built, firstRatings(data.set, settings.batchSize * 4), validation, options);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await trainModel(built, firstRatings(data.set, trained), validation, options);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  built.model.dispose();

  const samplesPerSecond = trained / seconds;
  return {
    model, backend: settings.backend, kernels: settings.kernels, batchSize: settings.batchSize,
    trained, epochSeconds: total / samplesPerSecond, samplesPerSecond, capped: trained < total,
    cpuSeconds: ((cpu.user + cpu.system) / 1e6) * (total / trained),
  };
}

/** Tensors left after a run: a leak in the trainer shows here. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}
