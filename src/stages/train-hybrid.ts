import { z } from 'zod';
import { buildHybridModel } from '../models/hybrid-model.ts';
import { defineTrainerStage, type ModelBuilder } from '../models/trainer-stage.ts';
import type { TrainingData } from '../models/training-data.ts';
import { trainingParams } from '../models/training-params.ts';

/** The stage's parameters; `hybridParams.parse({})` gives the defaults. */
export const hybridParams = z.object({
  /** Width of the MF branch's factors. */
  factors: z.number().int().min(1).max(512).default(16),
  /** Width of the MLP branch's own user and item embeddings. */
  embedding: z.number().int().min(1).max(1024).default(32),
  /** Units of the MLP branch's dense layers. */
  hidden: z.array(z.number().int().min(1).max(4096)).min(1).default([128, 64]),
  /** Dropout on the MLP branch's input and after each dense layer. */
  dropout: z.number().min(0).max(0.9).default(0.2),
  /** Batch normalisation after each dense layer of the MLP branch. */
  batchNorm: z.boolean().default(false),
  /** Per-rating L2 weight on the MF branch's factor and bias rows (scaled ratings). */
  l2: z.number().min(0).default(0.03),
  /** Feed users' age, gender, occupation and items' genres to the MLP when the data has them. */
  sideFeatures: z.boolean().default(true),
  ...trainingParams({
    epochs: 30, batchSize: 1024, learningRate: 0.003, learningRateDecay: 1, patience: 3,
  }),
});

type Params = z.infer<typeof hybridParams>;

function sides(data: TrainingData, p: Params) {
  return p.sideFeatures ? { user: data.userFeatures, item: data.itemFeatures } : {};
}

/** Builds the untrained hybrid for these parameters (the stage's and the benchmark's). */
export const buildHybridFromParams: ModelBuilder<Params> = (data, p, seed, globalMean) =>
  buildHybridModel({
    numUsers: data.numUsers, numItems: data.numItems, factors: p.factors,
    embedding: p.embedding, hidden: p.hidden, dropout: p.dropout, batchNorm: p.batchNorm,
    l2: p.l2, globalMean, seed,
    userFeatures: sides(data, p).user, itemFeatures: sides(data, p).item,
  });

/** The hybrid DNN-MF: a biased-MF branch plus an MLP over embeddings and side features. */
export const trainHybrid = defineTrainerStage({
  type: 'hybrid',
  // 2: dropout masks drawn by SeededDropout's own generator. 3: batch norm (off by default)
  // trains as two kernels. 4: masks from four interleaved generators. 5: batch norm
  // subtracts the mean before scaling.
  version: 5,
  description: 'Train the hybrid DNN-MF (NeuMF-style MF + MLP with side features, tfjs)',
  params: hybridParams,
  build: buildHybridFromParams,
  sideFeatures: (data, p) => [
    ...(sides(data, p).user?.names ?? []), ...(sides(data, p).item?.names ?? []),
  ],
});
