import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta } from '../data/dataset-meta.ts';
import { loadTable } from '../data/load-table.ts';
import { readRatingsCsv, writeRatingsCsv } from '../data/ratings-csv.ts';
import { genreColumn, itemFeatures } from '../preprocess/item-features.ts';
import { scaleRatings } from '../preprocess/rating-scaler.ts';
import type { Scalers } from '../preprocess/scalers.ts';
import type { SplitMeta } from '../preprocess/split-meta.ts';
import { fitAgeScaler, genderValues, userFeatures } from '../preprocess/user-features.ts';

const parts = ['train', 'validation', 'test'] as const;

/**
 * Fits the scalers on a split's training part only and writes the prepared artifact: the
 * three rating files with ratingScaled, user and item feature tables, scalers.json.
 */
export const scaleFeatures = defineStage({
  name: 'scale-features',
  version: 1,
  description: 'Scale ratings to [0,1] and encode user/item features, fitted on training only',
  params: z.object({}),
  inputs: { split: { kind: 'split' }, dataset: { kind: 'dataset' } },
  outputs: { prepared: 'prepared' },
  run: ({ inputs, outputs, signal }) =>
    fromTask(signal, async (emit) => {
      const splitDir = inputs.split as string;
      const datasetDir = inputs.dataset as string;
      const out = outputs.prepared;
      const dataset = await readDatasetMeta(datasetDir);
      const split = JSON.parse(await readFile(join(splitDir, 'meta.json'), 'utf8')) as SplitMeta;

      let trainUsers = new Set<number>();
      for (const [done, part] of parts.entries()) {
        const ratings = await readRatingsCsv(join(splitDir, `${part}.csv`));
        if (part === 'train') trainUsers = new Set(ratings.user);
        const ratingScaled = scaleRatings(ratings.rating, dataset.ratingScale);
        await writeRatingsCsv(join(out, `${part}.csv`), ratings,
          [{ name: 'ratingScaled', values: ratingScaled }]);
        emit({ type: 'progress', done: done + 1, total: parts.length, unit: 'files' });
      }

      const users = await loadTable(join(datasetDir, 'users.csv'));
      const age = fitAgeScaler(users, trainUsers);
      const genders = genderValues(users);
      const userTable = userFeatures(users, age, genders, dataset.occupations);
      await writeFile(join(out, 'users.csv'), userTable.toCSV());

      const items = itemFeatures(await loadTable(join(datasetDir, 'items.csv')), dataset.genres);
      await writeFile(join(out, 'items.csv'), items.toCSV());

      const { min, max } = dataset.ratingScale;
      const scalers: Scalers = {
        rating: { min, max },
        age: age && { ...age, fittedOnUsers: trainUsers.size },
      };
      await writeFile(join(out, 'scalers.json'), `${JSON.stringify(scalers, null, 2)}\n`);
      await writeFile(join(out, 'meta.json'), `${JSON.stringify({
        ...split,
        genders,
        occupations: dataset.occupations,
        genreColumns: dataset.genres.map(genreColumn),
      }, null, 2)}\n`);
      await copyFile(join(datasetDir, 'meta.json'), join(out, 'dataset-meta.json'));

      emit({ type: 'summary', data: { split: split.name, ageMin: age?.min ?? null,
        ageMax: age?.max ?? null, ratingMin: min, ratingMax: max } });
    }),
});
