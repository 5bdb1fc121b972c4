import type { RatingScale } from '../data/rating-scale.ts';
import type { ColdStartCounts } from './cold-start.ts';

/** The `meta.json` of a split artifact. */
export interface SplitMeta {
  scheme: 'official' | 'kfold' | 'leave-n-out';
  /** u1..ub for official splits; e.g. 'fold-2-of-5' or 'leave-1-out' otherwise. */
  name: string;
  /** The seed the random parts (validation, folds, random hold-out) were drawn with. */
  seed: number;
  /** The stage's parameters as validated. */
  params: Record<string, unknown>;
  /** Sizes of the dataset's dense index spaces and its rating scale. */
  numUsers: number;
  numItems: number;
  ratingScale: RatingScale;
  counts: { train: number; validation: number; test: number };
  /** Relative to train.csv; the policy is in docs/ARCHITECTURE.md. */
  coldStart: { validation: ColdStartCounts; test: ColdStartCounts };
  /** leave-n-out only: users with n ratings or fewer, kept whole in training. */
  usersKeptWhole?: number;
}
