import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/input-error.ts';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta } from '../data/dataset-meta.ts';
import { officialSplitNames } from '../data/read-movielens-100k.ts';
import { readRatingsCsv } from '../data/ratings-csv.ts';
import { splitParams } from '../preprocess/split-params.ts';
import { writeSplit } from '../preprocess/write-split.ts';

const params = z.object({
  /** One of the seven splits GroupLens ships with MovieLens 100K. */
  name: z.enum(officialSplitNames).default('u1'),
  ...splitParams,
});

/** One official split (u1..u5, ua, ub) of the data set, with validation from its base part. */
export const splitOfficial = defineStage({
  name: 'split-official',
  version: 1,
  description: 'Official MovieLens 100K split (u1..u5, ua, ub), validation carved from its base',
  params,
  inputs: { dataset: { kind: 'dataset', description: 'ingested data set with split files' } },
  outputs: { split: 'split' },
  run: ({ params: p, inputs, outputs, run, signal }) =>
    fromTask(signal, async (emit) => {
      const datasetDir = inputs.dataset as string;
      const dataset = await readDatasetMeta(datasetDir);
      if (!dataset.officialSplits.includes(p.name)) {
        throw new InputError({
          file: join(datasetDir, 'meta.json'),
          field: 'officialSplits',
          expected: `the official split ${p.name} (only MovieLens 100K ships them; ` +
            'use split-kfold or split-leave-n-out for other data sets)',
          received: dataset.officialSplits.join(', ') || 'none',
        });
      }

      const train = await readRatingsCsv(join(datasetDir, 'splits', `${p.name}.base.csv`));
      const test = await readRatingsCsv(join(datasetDir, 'splits', `${p.name}.test.csv`));
      const total = train.user.length + test.user.length;
      emit({ type: 'progress', done: total, total, unit: 'rows', label: p.name });

      const { validationFraction, seed = run.seed } = p;
      await writeSplit(outputs.split, { train, test },
        { scheme: 'official', name: p.name, seed, params: p, validationFraction }, dataset, emit);
    }),
});
