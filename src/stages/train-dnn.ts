import { z } from 'zod';
import { buildDnnModel } from '../models/dnn-model.ts';
import { defineTrainerStage, type ModelBuilder } from '../models/trainer-stage.ts';
import { trainingParams } from '../models/training-params.ts';

/** The stage's parameters; `dnnParams.parse({})` gives the defaults. */
export const dnnParams = z.object({
  /** Width of the user and item embeddings. */
  embedding: z.number().int().min(1).max(1024).default(64),
  /** Units of each dense block (dense + ReLU, batch norm, dropout). */
  hidden: z.array(z.number().int().min(1).max(4096)).min(1).default([256, 256, 256]),
  /** Dropout on the concatenated embeddings. */
  embeddingDropout: z.number().min(0).max(0.9).default(0.2),
  /** Dropout after each dense block. */
  dropout: z.number().min(0).max(0.9).default(0.3),
  /** Per-rating L2 weight on the embedding and bias rows of each batch (scaled ratings). */
  l2: z.number().min(0).default(0.2),
  /** User and item bias terms beside the MLP's output; false is the reference architecture. */
  biases: z.boolean().default(true),
  ...trainingParams({
    epochs: 20, batchSize: 1024, learningRate: 0.005, learningRateDecay: 0.8, patience: 3,
  }),
});

type DnnParams = z.infer<typeof dnnParams>;

/** Builds the untrained DNN for these parameters (the stage's and the benchmark's). */
export const buildDnnFromParams: ModelBuilder<DnnParams> = (data, p, seed, globalMean) =>
  buildDnnModel({
    numUsers: data.numUsers, numItems: data.numItems, embedding: p.embedding, hidden: p.hidden,
    embeddingDropout: p.embeddingDropout, dropout: p.dropout, l2: p.l2, biases: p.biases,
    globalMean, seed,
  });

/** The deep model: embeddings of 64, three blocks of dense 256 + batch norm + dropout. */
export const trainDnn = defineTrainerStage({
  type: 'dnn',
  // 3: dropout masks drawn by SeededDropout's own generator. 4: batch norm's training pass
  // as two kernels (other float rounding). 5: masks from four interleaved generators.
  // 6: batch norm subtracts the mean before scaling.
  version: 6,
  description: 'Train the deep model (embeddings + dense blocks, tfjs) with early stopping',
  params: dnnParams,
  build: buildDnnFromParams,
});
