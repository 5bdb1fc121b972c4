import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/**
 * Epochs per trainer: the fewest with which each model beats the bias baseline's test RMSE
 * on u1 by a clear margin (measured, see docs/ARCHITECTURE.md), so the CI check that every
 * model does is meaningful and stable. Patience never stops these runs early.
 */
const epochs = { mf: 10, dnn: 8, hybrid: 6 };

function trainer(model: keyof typeof epochs) {
  return {
    id: `train-${model}`,
    uses: `train-${model}`,
    with: { epochs: epochs[model], patience: epochs[model] },
    inputs: { prepared: 'prepare.prepared' },
  };
}

export const quickPipeline: PipelineSpec = {
  name: 'quick',
  description: 'Smoke run of the main job: split u1 only, few epochs per trained model',
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
    trainer('mf'),
    trainer('dnn'),
    trainer('hybrid'),
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
        model: 'train-${model}.model',
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
