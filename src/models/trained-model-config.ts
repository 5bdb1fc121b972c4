import type { ModelConfig } from './model-config.ts';

/** model-config.json of a tfjs-trained model: the shared fields plus what training found. */
export interface TrainedModelConfig extends ModelConfig {
  type: 'mf' | 'dnn' | 'hybrid';
  /** Every weight, frozen side-feature tables and batch-norm statistics included. */
  parameters: number;
  trainableParameters: number;
  bestValRmse: number;
  /** Names of the side features baked into the model (hybrid), empty when none. */
  sideFeatures: string[];
  /** Epochs run; fewer than planned when early stopping ended training. */
  epochsRun: number;
}
