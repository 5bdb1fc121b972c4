import { join } from 'node:path';
import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta } from '../data/dataset-meta.ts';
import { readRatingsCsv } from '../data/ratings-csv.ts';
import { leaveNOutSplit } from '../preprocess/leave-n-out-split.ts';
import { deriveSeed } from '../util/seeded-random.ts';
import { splitParams } from '../preprocess/split-params.ts';
import { writeSplit } from '../preprocess/write-split.ts';

const params = z.object({
  /** Ratings held out per user. */
  n: z.number().int().min(1).default(1),
  /** Hold out each user's latest ratings, or n at random. */
  order: z.enum(['timestamp', 'random']).default('timestamp'),
  ...splitParams,
});

/** Per-user leave-n-out: n ratings of every user with more than n go to the test part. */
export const splitLeaveNOut = defineStage({
  name: 'split-leave-n-out',
  version: 1,
  description: 'Per-user leave-n-out (latest or random n ratings), validation from the rest',
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
      const split = leaveNOutSplit(ratings, p.n, p.order, deriveSeed(seed, 'leave-n-out', p.n));
      if (split.usersKeptWhole > 0) {
        emit({ type: 'log', level: 'info', message: `${split.usersKeptWhole} users have ` +
          `${p.n} ratings or fewer: all kept in training` });
      }

      const name = `leave-${p.n}-out`;
      await writeSplit(outputs.split, split, { scheme: 'leave-n-out', name, seed, params: p,
        validationFraction, usersKeptWhole: split.usersKeptWhole }, dataset, emit);
    }),
});
