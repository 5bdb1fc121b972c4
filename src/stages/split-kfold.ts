import { join } from 'node:path';
import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta } from '../data/dataset-meta.ts';
import { readRatingsCsv } from '../data/ratings-csv.ts';
import { kfoldSplit } from '../preprocess/kfold-split.ts';
import { deriveSeed } from '../util/seeded-random.ts';
import { splitParams } from '../preprocess/split-params.ts';
import { writeSplit } from '../preprocess/write-split.ts';

const params = z.object({
  /** Number of folds; each rating is in the test part of exactly one. */
  folds: z.number().int().min(2).max(100).default(5),
  /** Which fold is the test part, 1-based. */
  fold: z.number().int().min(1).default(1),
  ...splitParams,
}).refine((p) => p.fold <= p.folds, { message: 'fold must be between 1 and folds' });

/** One fold of a seeded random k-fold split of all ratings. */
export const splitKfold = defineStage({
  name: 'split-kfold',
  version: 1,
  description: 'Seeded random k-fold split; fold f is the test part, validation from the rest',
  params,
  inputs: { dataset: { kind: 'dataset' } },
  outputs: { split: 'split' },
  run: ({ params: p, inputs, outputs, run, signal }) =>
    fromTask(signal, async (emit) => {
      const datasetDir = inputs.dataset as string;
      const dataset = await readDatasetMeta(datasetDir);
      const ratings = await readRatingsCsv(join(datasetDir, 'ratings.csv'));
      const total = ratings.user.length;
      emit({ type: 'progress', done: total, total, unit: 'rows', label: 'ratings' });

      const { seed = run.seed, validationFraction } = p;
      // The fold is left out of the seed: every fold must cut the same permutation.
      const parts = kfoldSplit(ratings, p.folds, p.fold, deriveSeed(seed, 'kfold', p.folds));
      const name = `fold-${p.fold}-of-${p.folds}`;
      await writeSplit(outputs.split, parts,
        { scheme: 'kfold', name, seed, params: p, validationFraction }, dataset, emit);
    }),
});
