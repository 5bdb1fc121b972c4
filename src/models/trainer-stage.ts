import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { StageEmission } from '../core/events.ts';
import { defineStage, fromTask, type StageContext } from '../core/stage.ts';
import { initBackend, type BackendChoice } from '../tf/backend.ts';
import { saveModelToDirectory } from './directory-io.ts';
import type { BuiltModel } from './model-parts.ts';
import { deriveSeed31 as deriveSeed } from '../util/seeded-random.ts';
import type { TrainedModelConfig } from './trained-model-config.ts';
import { trainModel, type EpochRecord, type TrainResult } from './train-model.ts';
import { readTrainingData, type TrainingData } from './training-data.ts';
import type { TrainingParams } from './training-params.ts';

/** Builds the untrained model for a prepared split; `globalMean` is the mean scaled rating. */
export type ModelBuilder<P> = (
  data: TrainingData,
  params: P,
  seed: number,
  globalMean: number,
) => BuiltModel;

interface TrainerSpec<S extends z.ZodType<TrainingParams>> {
  type: TrainedModelConfig['type'];
  description: string;
  version: number;
  params: S;
  build: ModelBuilder<z.infer<S>>;
  /** The side-feature names the model uses (hybrid), for model-config.json. */
  sideFeatures?(data: TrainingData, params: z.infer<S>): string[];
}

const progressIntervalMs = 250;

/**
 * One trainer stage per model type, all alike: read the prepared split, build, train with
 * early stopping, save model.json + weights.bin, model-config.json and history.json.
 */
export function defineTrainerStage<S extends z.ZodType<TrainingParams>>(spec: TrainerSpec<S>) {
  return defineStage({
    name: `train-${spec.type}`,
    version: spec.version,
    description: spec.description,
    params: spec.params,
    inputs: { prepared: { kind: 'prepared', description: 'a prepared split' } },
    outputs: { model: 'model' },
    heavy: true,
    run: (context) =>
      fromTask(context.signal, (emit, signal) => train(spec, context, emit, signal)),
  });
}

async function train<S extends z.ZodType<TrainingParams>>(
  spec: TrainerSpec<S>,
  context: StageContext<z.infer<S>>,
  emit: (emission: StageEmission) => void,
  signal: AbortSignal,
): Promise<void> {
  const { params } = context;
  const backend = await initBackend(context.run.backend);
  const skipped = backend.skipped.length ? ` (passed over: ${backend.skipped.join('; ')})` : '';
  const kernels = backend.kernels === 'tfjs' && backend.name !== 'tensorflow'
    ? ', tfjs\'s own kernels' : '';
  const message = `training on the ${backend.name} backend${kernels}${skipped}`;
  emit({ type: 'log', level: 'info', message });

  const data = await readTrainingData(context.inputs.prepared as string);
  const seed = deriveSeed(context.run.seed, spec.type);
  const built = spec.build(data, params, seed, meanOf(data.train.scaled));
  try {
    const result = await trainModel(built, data.train, data.validation, {
      ...params, seed, ratingScale: data.ratingScale, signal,
      onEpoch: (record) => emit(epochEmission(record, params.epochs)),
      onBatch: throttledProgress(emit, params.epochs),
    });
    signal.throwIfAborted();

    const config = modelConfig(spec, context, data, built, result, backend);
    await save(context.outputs.model, built, config, result.history);
    emit({ type: 'summary', data: summaryOf(config, data) });
  } finally {
    built.model.dispose();
  }
}

function modelConfig<S extends z.ZodType<TrainingParams>>(
  spec: TrainerSpec<S>,
  context: StageContext<z.infer<S>>,
  data: TrainingData,
  built: BuiltModel,
  result: TrainResult,
  backend: BackendChoice,
): TrainedModelConfig {
  const trainable = built.model.trainableWeights.reduce((sum, w) => sum + sizeOf(w.shape), 0);
  return {
    type: spec.type, predictsRatings: true,
    numUsers: data.numUsers, numItems: data.numItems, ratingScale: data.ratingScale,
    hyperParameters: { ...(context.params as object) }, seed: context.run.seed,
    bestEpoch: result.bestEpoch, backend: backend.name, kernels: backend.kernels,
    parameters: built.model.countParams(), trainableParameters: trainable,
    bestValRmse: result.bestValRmse, epochsRun: result.history.length,
    sideFeatures: spec.sideFeatures?.(data, context.params) ?? [],
  };
}

async function save(
  dir: string,
  built: BuiltModel,
  config: TrainedModelConfig,
  history: EpochRecord[],
): Promise<void> {
  await saveModelToDirectory(built.model, dir);
  await writeFile(join(dir, 'model-config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(dir, 'history.json'), `${JSON.stringify(history, null, 2)}\n`);
}

function summaryOf(config: TrainedModelConfig, data: TrainingData): Record<string, unknown> {
  return {
    model: config.type, bestEpoch: config.bestEpoch, epochsRun: config.epochsRun,
    bestValRmse: config.bestValRmse, parameters: config.parameters,
    trainableParameters: config.trainableParameters, backend: config.backend,
    kernels: config.kernels,
    trainRatings: data.train.users.length, validationRatings: data.validation.users.length,
  };
}

function epochEmission(record: EpochRecord, epochs: number): StageEmission {
  const { epoch, loss, valLoss, valRmse, bestEpoch, samplesPerSecond, durationMs } = record;
  return {
    type: 'epoch', epoch, epochs, loss, valLoss, metrics: { valRmse },
    bestEpoch, samplesPerSecond, durationMs,
  };
}

/** Batch progress at most every 250 ms, and always the last batch of an epoch. */
function throttledProgress(emit: (emission: StageEmission) => void, epochs: number) {
  let last = 0;
  return (done: number, total: number, epoch: number) => {
    const now = performance.now();
    if (done < total && now - last < progressIntervalMs) return;
    last = now;
    emit({ type: 'progress', done, total, unit: 'batches', label: `epoch ${epoch}/${epochs}` });
  };
}

function meanOf(values: Float32Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0.5 : sum / values.length;
}

function sizeOf(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((product, size) => product * (size ?? 1), 1);
}
