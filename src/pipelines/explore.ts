import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/**
 * Ingest a MovieLens data set, write its exploratory-analysis report and, beside it, the
 * cross-tables behind it. The user x item pivot is left out: for MovieLens 1M and larger it
 * exceeds the pivot stage's size limit, and the analysis does not need it.
 */
export const explorePipeline: PipelineSpec = {
  name: 'explore',
  description: 'Ingest MovieLens and write the exploratory analysis: charts and report',
  stages: [
    { id: 'ingest', uses: 'ingest-movielens' },
    { id: 'explore', uses: 'explore', inputs: { dataset: 'ingest.dataset' } },
    {
      id: 'pivot',
      uses: 'pivot-ratings',
      with: { tables: ['occupation-rating', 'gender-rating', 'genre-rating', 'genre-genre'] },
      inputs: { dataset: 'ingest.dataset' },
    },
  ],
};
