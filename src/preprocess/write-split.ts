import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageEmission } from '../core/events.ts';
import type { DatasetMeta } from '../data/dataset-meta.ts';
import { writeRatingsCsv } from '../data/ratings-csv.ts';
import type { Ratings } from '../data/ratings.ts';
import { carveValidation } from './carve-validation.ts';
import { countColdStart } from './cold-start.ts';
import { deriveSeed } from '../util/seeded-random.ts';
import type { SplitMeta } from './split-meta.ts';

export interface SplitParts {
  /** The training part before the validation part is carved from it. */
  train: Ratings;
  test: Ratings;
}

type Described = Pick<SplitMeta, 'scheme' | 'name' | 'seed' | 'params' | 'usersKeptWhole'>;

/**
 * Finishes every split stage the same way: carves validation from the training part only,
 * counts cold-start users and items (reported, kept), writes the three CSVs and meta.json.
 */
export async function writeSplit(
  dir: string,
  parts: SplitParts,
  described: Described & { validationFraction: number },
  dataset: DatasetMeta,
  emit: (emission: StageEmission) => void,
): Promise<SplitMeta> {
  const validationSeed = deriveSeed(described.seed, 'validation', described.name);
  const { train, validation } = carveValidation(
    parts.train, described.validationFraction, validationSeed);

  const { validationFraction: _, ...rest } = described;
  const meta: SplitMeta = {
    ...rest,
    numUsers: dataset.counts.users,
    numItems: dataset.counts.items,
    ratingScale: dataset.ratingScale,
    counts: { train: train.user.length, validation: validation.user.length,
      test: parts.test.user.length },
    coldStart: { validation: countColdStart(train, validation),
      test: countColdStart(train, parts.test) },
  };

  await writeRatingsCsv(join(dir, 'train.csv'), train);
  await writeRatingsCsv(join(dir, 'validation.csv'), validation);
  await writeRatingsCsv(join(dir, 'test.csv'), parts.test);
  await writeFile(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);

  reportSplit(meta, emit);
  return meta;
}

function reportSplit(meta: SplitMeta, emit: (emission: StageEmission) => void): void {
  const cold = meta.coldStart.test;
  if (cold.ratings > 0) {
    emit({ type: 'log', level: 'info', message: `cold-start: ${cold.ratings} test ratings ` +
      `(${cold.users} users, ${cold.items} items unseen in training) kept; the evaluator ` +
      'predicts them with the bias fallback' });
  }
  emit({ type: 'summary', data: { split: meta.name, ...meta.counts,
    coldStartTestRatings: cold.ratings, coldStartTestUsers: cold.users,
    coldStartTestItems: cold.items } });
}
