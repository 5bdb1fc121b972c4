/** What every model artifact records in `model-config.json`, whatever trained it. */
export interface ModelConfig {
  /** The model family; `loadPredictor` dispatches on it. */
  type: string;
  /**
   * True when scores are ratings on the data set's scale (MF, DNN, hybrid, bias baseline);
   * false for ranking-only references such as most-popular, which get no rating-error row.
   */
  predictsRatings: boolean;
  /** Sizes of the dense index spaces the model was built for. */
  numUsers: number;
  numItems: number;
  ratingScale: { min: number; max: number };
  /** The trainer's parameters as validated, so a model documents how it was made. */
  hyperParameters: Record<string, unknown>;
  seed: number;
  /** Training epoch whose weights were kept (1-based), for trained models. */
  bestEpoch?: number;
  /** The tfjs backend that trained it, for trained models. */
  backend?: string;
  /** Whose kernels trained it on that backend: the project's or tfjs's own (`BackendChoice`). */
  kernels?: 'project' | 'tfjs';
}
