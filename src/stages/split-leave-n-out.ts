import { z } from 'zod';
import { defineSplitStage, readSplitRatings } from '../preprocess/define-split-stage.ts';
import { leaveNOutSplit } from '../preprocess/leave-n-out-split.ts';
import { splitParams } from '../preprocess/split-params.ts';
import { deriveSeed } from '../util/seeded-random.ts';

const params = z.object({
  /** Ratings held out per user. */
  n: z.number().int().min(1).default(1),
  /** Hold out each user's latest ratings, or n at random. */
  order: z.enum(['timestamp', 'random']).default('timestamp'),
  ...splitParams,
});

/** Per-user leave-n-out: n ratings of every user with more than n go to the test part. */
export const splitLeaveNOut = defineSplitStage({
  scheme: 'leave-n-out',
  description: 'Per-user leave-n-out (latest or random n ratings), validation from the rest',
  params,
  cut: async (source) => {
    const { params: p, seed, emit } = source;
    const [ratings] = await readSplitRatings(source, ['ratings.csv'], 'ratings');

    const split = leaveNOutSplit(ratings, p.n, p.order, deriveSeed(seed, 'leave-n-out', p.n));
    if (split.usersKeptWhole > 0) {
      emit({ type: 'log', level: 'info', message: `${split.usersKeptWhole} users have ` +
        `${p.n} ratings or fewer: all kept in training` });
    }
    return { ...split, name: `leave-${p.n}-out` };
  },
});
