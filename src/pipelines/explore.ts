import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/** Ingest a MovieLens data set and write its exploratory-analysis report. */
export const explorePipeline: PipelineSpec = {
  name: 'explore',
  description: 'Ingest MovieLens and write the exploratory analysis: charts and report',
  stages: [
    { id: 'ingest', uses: 'ingest-movielens' },
    { id: 'explore', uses: 'explore', inputs: { dataset: 'ingest.dataset' } },
  ],
};
