import { z } from 'zod';
import { buildMfModel } from '../models/mf-model.ts';
import { defineTrainerStage, type ModelBuilder } from '../models/trainer-stage.ts';
import { trainingParams } from '../models/training-params.ts';

/** The stage's parameters; `mfParams.parse({})` gives the defaults. */
export const mfParams = z.object({
  /** Width of the user and item factors. */
  factors: z.number().int().min(1).max(512).default(16),
  /** Per-rating L2 weight on the factor and bias rows of each batch (scaled ratings). */
  l2: z.number().min(0).default(0.03),
  ...trainingParams({
    epochs: 40, batchSize: 1024, learningRate: 0.005, learningRateDecay: 1, patience: 3,
  }),
});

type MfParams = z.infer<typeof mfParams>;

/** Builds the untrained MF model for these parameters (the stage's and the benchmark's). */
export const buildMfFromParams: ModelBuilder<MfParams> = (data, p, seed, globalMean) =>
  buildMfModel({
    numUsers: data.numUsers, numItems: data.numItems, factors: p.factors, l2: p.l2,
    globalMean, seed,
  });

/** Biased matrix factorisation (16-wide factors, user and item biases, global offset). */
export const trainMf = defineTrainerStage({
  type: 'mf',
  // 2: trained through the fused objective on wasm and cpu (equal within float rounding).
  version: 2,
  description: 'Train biased matrix factorisation (tfjs) with early stopping on validation RMSE',
  params: mfParams,
  build: buildMfFromParams,
});
