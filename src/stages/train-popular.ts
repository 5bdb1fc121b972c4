import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readPreparedSplit } from '../evaluation/prepared-split.ts';
import {
  countItemRatings,
  savePopularityModel,
} from '../models/baselines/popularity-predictor.ts';
import type { ModelConfig } from '../models/model-config.ts';

/** The most-popular baseline: the ranking reference row. */
export const trainPopular = defineStage({
  name: 'train-popular',
  version: 1,
  description: 'Count training ratings per item: the most-popular ranking baseline',
  params: z.object({}),
  inputs: { prepared: { kind: 'prepared', description: 'a prepared split' } },
  outputs: { model: 'model' },
  run: ({ inputs, outputs, run, signal }) =>
    fromTask(signal, async (emit) => {
      const split = await readPreparedSplit(inputs.prepared as string);
      const { numUsers, numItems, ratingScale } = split;
      const counts = countItemRatings(split.train, numItems);

      const config: ModelConfig = {
        type: 'popular', predictsRatings: false, numUsers, numItems, ratingScale,
        hyperParameters: {}, seed: run.seed,
      };
      await savePopularityModel(outputs.model, config, counts);

      let mostRated = 0;
      for (let item = 1; item < numItems; item++) {
        if (counts[item] > counts[mostRated]) mostRated = item;
      }
      emit({
        type: 'summary',
        data: { model: 'popular', split: split.name, mostRatedItem: mostRated,
          mostRatedCount: counts[mostRated] ?? 0 },
      });
    }),
});
