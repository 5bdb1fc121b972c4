import { officialSplitNames } from '../data/read-movielens-100k.ts';
import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/** The seven official MovieLens 100K splits: five disjoint folds and two 10-per-user ones. */
const splits = [...officialSplitNames];

/** The trained models and the two reference rows every results table carries. */
const models = ['mf', 'dnn', 'hybrid', 'bias', 'popular'];

/**
 * The main job: explore the data, then on each official split train every model, evaluate it
 * under both ranking protocols and gather one results table with mean and spread.
 */
export const movielensPipeline: PipelineSpec = {
  name: 'movielens',
  description: 'Explore MovieLens 100K, train MF, DNN and hybrid on the 7 splits, evaluate',
  stages: [
    { id: 'ingest', uses: 'ingest-movielens' },
    { id: 'explore', uses: 'explore', inputs: { dataset: 'ingest.dataset' } },
    {
      id: 'split',
      uses: 'split-official',
      forEach: { split: splits },
      with: { name: '${split}' },
      inputs: { dataset: 'ingest.dataset' },
    },
    {
      id: 'prepare',
      uses: 'scale-features',
      forEach: { split: splits },
      inputs: { split: 'split[${split}].split', dataset: 'ingest.dataset' },
    },
    {
      id: 'train',
      uses: 'train-${model}',
      forEach: { split: splits, model: models },
      inputs: { prepared: 'prepare[${split}].prepared' },
    },
    {
      id: 'evaluate',
      uses: 'evaluate',
      forEach: { split: splits, model: models },
      inputs: {
        model: 'train[${split},${model}].model',
        prepared: 'prepare[${split}].prepared',
        dataset: 'ingest.dataset',
      },
    },
    { id: 'results', uses: 'results-report', inputs: { evaluations: 'evaluate[*].evaluation' } },
  ],
};
