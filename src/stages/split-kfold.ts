import { z } from 'zod';
import { defineSplitStage, readSplitRatings } from '../preprocess/define-split-stage.ts';
import { kfoldSplit } from '../preprocess/kfold-split.ts';
import { splitParams } from '../preprocess/split-params.ts';
import { deriveSeed } from '../util/seeded-random.ts';

const params = z.object({
  /** Number of folds; each rating is in the test part of exactly one. */
  folds: z.number().int().min(2).max(100).default(5),
  /** Which fold is the test part, 1-based. */
  fold: z.number().int().min(1).default(1),
  ...splitParams,
}).refine((p) => p.fold <= p.folds, { message: 'fold must be between 1 and folds' });

/** One fold of a seeded random k-fold split of all ratings. */
export const splitKfold = defineSplitStage({
  scheme: 'kfold',
  description: 'Seeded random k-fold split; fold f is the test part, validation from the rest',
  params,
  cut: async (source) => {
    const { params: p, seed } = source;
    const [ratings] = await readSplitRatings(source, ['ratings.csv'], 'ratings');

    // The fold is left out of the seed: every fold must cut the same permutation.
    const parts = kfoldSplit(ratings, p.folds, p.fold, deriveSeed(seed, 'kfold', p.folds));
    return { ...parts, name: `fold-${p.fold}-of-${p.folds}` };
  },
});
