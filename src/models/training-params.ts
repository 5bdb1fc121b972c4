import { z } from 'zod';

export interface TrainingDefaults {
  epochs: number;
  batchSize: number;
  learningRate: number;
  learningRateDecay: number;
  patience: number;
}

/** The loop's parameters, shared by every tfjs trainer; each stage picks its own defaults. */
export function trainingParams(defaults: TrainingDefaults) {
  return {
    /** Most epochs to train; early stopping usually ends sooner. */
    epochs: z.number().int().min(1).max(1000).default(defaults.epochs),
    /** Ratings per Adam step. */
    batchSize: z.number().int().min(1).max(65536).default(defaults.batchSize),
    /** Adam's step size. */
    learningRate: z.number().positive().max(1).default(defaults.learningRate),
    /** Factor on the learning rate after each epoch; 1 keeps it constant. */
    learningRateDecay: z.number().positive().max(1).default(defaults.learningRateDecay),
    /** Epochs without a better validation RMSE before training stops. */
    patience: z.number().int().min(1).max(100).default(defaults.patience),
  };
}

export type TrainingParams = TrainingDefaults;
