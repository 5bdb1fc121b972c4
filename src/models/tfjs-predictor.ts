import type { ModelConfig } from './model-config.ts';
import type { Predictor } from './predictor.ts';
import { initBackend } from '../tf/backend.ts';
import { tf } from '../tf/tf.ts';
import { firstOutOfRange } from '../util/index-range.ts';
import { loadModelFromDirectory } from './directory-io.ts';
import { canFold, foldModel } from './fold-model.ts';
import { FoldedMf } from './folded-mf.ts';
import type { FoldedMlp } from './folded-mlp.ts';
import { predictInBatches, toRatings } from './predict-in-batches.ts';
// The custom layers must be registered before a saved model's topology is read.
import './global-bias.ts';
import './seeded-dropout.ts';

/**
 * A saved MF, DNN or hybrid model: indices in, ratings on the data set's scale out, clipped.
 * Every type scores through a folded form (fold-model.ts for the DNN and the hybrid,
 * folded-mf.ts for MF), which gives the model's outputs for a fraction of the work when
 * whole catalogues are ranked.
 */
export class TfjsPredictor implements Predictor {
  private readonly folded?: FoldedMlp | FoldedMf;

  constructor(
    readonly config: ModelConfig,
    private readonly model: tf.LayersModel,
    options: { fold?: boolean } = {},
  ) {
    const fold = options.fold ?? (canFold(config.type) || config.type === 'mf');
    if (fold) {
      this.folded = config.type === 'mf' ? new FoldedMf(model) : foldModel(model, config.type);
    }
  }

  async predict(users: Int32Array, items: Int32Array): Promise<Float32Array> {
    checkRange(users, this.config.numUsers, 'user');
    checkRange(items, this.config.numItems, 'item');
    const scaled = this.folded
      ? this.folded.predictScaled(users, items)
      : predictInBatches(this.model, users, items);
    return toRatings(scaled, this.config.ratingScale);
  }

  dispose(): void {
    this.folded?.dispose();
    this.model.dispose();
  }
}

/** The loader registered for the types 'mf', 'dnn' and 'hybrid' in load-predictor.ts. */
export async function loadTfjsPredictor(dir: string, config: ModelConfig): Promise<Predictor> {
  // The run's trainer already chose a backend in this process; otherwise pick the fastest.
  await initBackend('auto');
  return new TfjsPredictor(config, await loadModelFromDirectory(dir));
}

/** An index outside the tables would read another row's memory silently on some backends. */
function checkRange(indices: Int32Array, size: number, what: string): void {
  const index = firstOutOfRange(indices, size);
  if (index !== undefined) {
    throw new RangeError(`${what} index ${index} is outside the model's 0..${size - 1}`);
  }
}
