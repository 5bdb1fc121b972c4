import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/** Few epochs of every trainer, shared so the short run stays short whatever the defaults. */
const short = { epochs: 3, patience: 3 };

/**
 * A few-minute end-to-end check of the main job: one split, every model, few epochs. CI runs
 * it on the real data so the main pipeline cannot silently break.
 */
export const quickPipeline: PipelineSpec = {
  name: 'quick',
  description: 'Smoke run of the main job: split u1 only, 3 epochs per trained model',
  stages: [
    { id: 'ingest', uses: 'ingest-movielens' },
    {
      id: 'split',
      uses: 'split-official',
      with: { name: 'u1' },
      inputs: { dataset: 'ingest.dataset' },
    },
    {
      id: 'prepare',
      uses: 'scale-features',
      inputs: { split: 'split.split', dataset: 'ingest.dataset' },
    },
    {
      id: 'train',
      uses: 'train-${model}',
      forEach: { model: ['mf', 'dnn', 'hybrid'] },
      with: short,
      inputs: { prepared: 'prepare.prepared' },
    },
    {
      id: 'reference',
      uses: 'train-${model}',
      forEach: { model: ['bias', 'popular'] },
      inputs: { prepared: 'prepare.prepared' },
    },
    {
      id: 'evaluate',
      uses: 'evaluate',
      forEach: { model: ['mf', 'dnn', 'hybrid'] },
      inputs: {
        model: 'train[${model}].model',
        prepared: 'prepare.prepared',
        dataset: 'ingest.dataset',
      },
    },
    {
      id: 'evaluate-reference',
      uses: 'evaluate',
      forEach: { model: ['bias', 'popular'] },
      inputs: {
        model: 'reference[${model}].model',
        prepared: 'prepare.prepared',
        dataset: 'ingest.dataset',
      },
    },
    {
      id: 'results',
      uses: 'results-report',
      inputs: { evaluations: ['evaluate[*].evaluation', 'evaluate-reference[*].evaluation'] },
    },
  ],
};
