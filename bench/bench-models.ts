import type { BuiltModel } from '../src/models/model-parts.ts';
import type { TrainingData } from '../src/models/training-data.ts';
import { buildDnnFromParams, dnnParams } from '../src/stages/train-dnn.ts';
import { buildHybridFromParams, hybridParams } from '../src/stages/train-hybrid.ts';
import { buildMfFromParams, mfParams } from '../src/stages/train-mf.ts';
import type { BenchRatings } from './read-ratings.ts';
import { buildSeedDnn, buildSeedMf } from './seed-models.ts';

export type ModelName = 'mf' | 'dnn' | 'hybrid' | 'seed-mf' | 'seed-dnn';

const seed = 42;

/**
 * The models the benchmark times: built as the train stages build them, with the stages'
 * default parameters (the hybrid without side features, which u1.base alone lacks), and the
 * seed's own two models as they were.
 */
export function buildBenchModel(name: ModelName, data: BenchRatings): BuiltModel {
  // What the builders read of a prepared split: its sizes (no side features).
  const sizes = { numUsers: data.numUsers, numItems: data.numItems } as TrainingData;
  const mean = data.globalMean;

  if (name === 'mf') return buildMfFromParams(sizes, mfParams.parse({}), seed, mean);
  if (name === 'dnn') return buildDnnFromParams(sizes, dnnParams.parse({}), seed, mean);
  if (name === 'hybrid') return buildHybridFromParams(sizes, hybridParams.parse({}), seed, mean);
  return { model: name === 'seed-dnn' ? buildSeedDnn() : buildSeedMf() };
}
