import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/input-error.ts';
import { officialSplitNames } from '../data/read-movielens-100k.ts';
import { defineSplitStage, readSplitRatings } from '../preprocess/define-split-stage.ts';
import { splitParams } from '../preprocess/split-params.ts';

const params = z.object({
  /** One of the seven splits GroupLens ships with MovieLens 100K. */
  name: z.enum(officialSplitNames).default('u1'),
  ...splitParams,
});

/** One official split (u1..u5, ua, ub) of the data set, with validation from its base part. */
export const splitOfficial = defineSplitStage({
  scheme: 'official',
  description: 'Official MovieLens 100K split (u1..u5, ua, ub), validation carved from its base',
  params,
  datasetDescription: 'ingested data set with split files',
  cut: async (source) => {
    const { params: p, datasetDir, dataset } = source;
    if (!dataset.officialSplits.includes(p.name)) {
      throw new InputError({
        file: join(datasetDir, 'meta.json'),
        field: 'officialSplits',
        expected: `the official split ${p.name} (only MovieLens 100K ships them; ` +
          'use split-kfold or split-leave-n-out for other data sets)',
        received: dataset.officialSplits.join(', ') || 'none',
      });
    }

    const files = [`${p.name}.base.csv`, `${p.name}.test.csv`].map((f) => join('splits', f));
    const [train, test] = await readSplitRatings(source, files, p.name);
    return { train, test, name: p.name };
  },
});
