import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readPreparedSplit } from '../evaluation/prepared-split.ts';
import { ratingError } from '../evaluation/rating-error.ts';
import { saveBiasModel, createBiasPredictor } from '../models/baselines/bias-predictor.ts';
import { BIAS_DEFAULTS, fitBias } from '../models/baselines/fit-bias.ts';
import type { ModelConfig } from '../models/model-config.ts';

const params = z.object({
  /** Damping of item biases: an item with n ratings keeps n / (n + itemDamping) of its mean. */
  itemDamping: z.number().min(0).default(BIAS_DEFAULTS.itemDamping),
  /** Damping of user biases, likewise. */
  userDamping: z.number().min(0).default(BIAS_DEFAULTS.userDamping),
  /** Rounds of alternating least squares (items, then users). */
  iterations: z.number().int().min(1).max(100).default(BIAS_DEFAULTS.iterations),
});

/** The user/item bias baseline: the rating-error reference row and the cold-start fallback. */
export const trainBias = defineStage({
  name: 'train-bias',
  version: 1,
  description: 'Fit the user/item bias baseline (global mean + damped biases) on train.csv',
  params,
  inputs: { prepared: { kind: 'prepared', description: 'a prepared split' } },
  outputs: { model: 'model' },
  run: ({ params: options, inputs, outputs, run, signal }) =>
    fromTask(signal, async (emit) => {
      const split = await readPreparedSplit(inputs.prepared as string);
      const { numUsers, numItems, ratingScale } = split;
      const fitted = fitBias(split.train, { numUsers, numItems, ...options });

      const config: ModelConfig = {
        type: 'bias', predictsRatings: true, numUsers, numItems, ratingScale,
        hyperParameters: { ...options }, seed: run.seed,
      };
      await saveBiasModel(outputs.model, config, fitted);

      // The fit's error on its own validation part: a sanity figure, not an evaluation.
      const predictor = createBiasPredictor(config, fitted);
      const { validation } = split;
      const validationRmse = validation.ratings.length === 0 ? null : ratingError(
        validation.ratings, await predictor.predict(validation.users, validation.items),
      ).rmse;
      emit({
        type: 'summary',
        data: { model: 'bias', split: split.name, globalMean: fitted.globalMean, validationRmse },
      });
    }),
});
