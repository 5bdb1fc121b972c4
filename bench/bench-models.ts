import { buildDnnModel } from '../src/models/dnn-model.ts';
import { buildHybridModel } from '../src/models/hybrid-model.ts';
import { buildMfModel } from '../src/models/mf-model.ts';
import type { BuiltModel } from '../src/models/model-parts.ts';
import type { BenchRatings } from './read-ratings.ts';
import { buildSeedDnn, buildSeedMf } from './seed-models.ts';

export type ModelName = 'mf' | 'dnn' | 'hybrid' | 'seed-mf' | 'seed-dnn';

/**
 * The models the benchmark times: the project's builders with the train stages' default
 * hyper-parameters (the hybrid without side features, which u1.base alone lacks), and the
 * seed's own two models as they were.
 */
export function buildBenchModel(name: ModelName, data: BenchRatings): BuiltModel {
  const sizes = { numUsers: data.numUsers, numItems: data.numItems, seed: 42 };

  if (name === 'mf') {
    return buildMfModel({ ...sizes, factors: 16, l2: 0.03, globalMean: data.globalMean });
  }
  if (name === 'dnn') {
    return buildDnnModel({
      ...sizes, embedding: 64, hidden: [256, 256, 256], embeddingDropout: 0.2, dropout: 0.3,
      globalMean: data.globalMean,
    });
  }
  if (name === 'hybrid') {
    return buildHybridModel({
      ...sizes, factors: 16, embedding: 32, hidden: [128, 64], dropout: 0.2, l2: 0.03,
      batchNorm: false,
      globalMean: data.globalMean,
    });
  }
  return { model: name === 'seed-dnn' ? buildSeedDnn() : buildSeedMf() };
}
