import type { ModelConfig } from './model-config.ts';

/** A loaded model, ready to score (user, item) pairs given as dense indices. */
export interface Predictor {
  readonly config: ModelConfig;

  /**
   * One score per pair. Rating models return ratings on the data set's scale, clipped to it;
   * ranking-only models return any score where larger means more recommended.
   */
  predict(users: Int32Array, items: Int32Array): Promise<Float32Array>;

  /** Frees tensors or other resources; the predictor is unusable afterwards. */
  dispose(): void;
}
