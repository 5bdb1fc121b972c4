import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetLabels } from '../evaluation/dataset-labels.ts';
import { evaluateModel, scorerWithPolicy } from '../evaluation/evaluate-model.ts';
import { metricsTable } from '../evaluation/metrics-table.ts';
import { readPreparedSplit } from '../evaluation/prepared-split.ts';
import { groupByUser } from '../evaluation/ratings-by-user.ts';
import { concatTriples } from '../evaluation/rating-triples.ts';
import { recommendationsCsv, recommendFor } from '../evaluation/recommendation-rows.ts';
import { backendForModel } from '../evaluation/model-backend.ts';
import { loadPredictor } from '../models/load-predictor.ts';

const params = z.object({
  /** The cut-off of Precision@k, Recall@k and NDCG@k. */
  k: z.number().int().min(1).max(100).default(10),
  /** Relevant = rated at least this, stated on the 1-5 scale and mapped onto the data's. */
  threshold: z.number().min(1).max(5).default(4),
  /** recommendations.csv lists the top k of the first this many users (by dense index). */
  recommendationUsers: z.number().int().min(0).max(1000).default(5),
  /** Pairs scored per predict call in the full-catalogue ranking; bounds memory. */
  pairsPerBatch: z.number().int().min(1000).default(1 << 17),
});

/** Rating error and both ranking protocols of one model on one split's test part. */
export const evaluate = defineStage({
  name: 'evaluate',
  // 2: metrics.json records the model's hyperparameters.
  version: 2,
  description: 'Score a model on a split: MSE, RMSE, MAE, P/R/NDCG@10 (test-items, catalogue)',
  params,
  inputs: {
    model: { kind: 'model', description: 'any trained model' },
    prepared: { kind: 'prepared', description: 'the split the model was trained on' },
    dataset: { kind: 'dataset', description: 'for original ids and titles' },
  },
  outputs: { evaluation: 'evaluation' },
  heavy: true,
  run: ({ params: options, inputs, outputs, run, signal }) =>
    fromTask(signal, async (emit, aborted) => {
      const split = await readPreparedSplit(inputs.prepared as string);
      const backend = await backendForModel(inputs.model as string, run.backend);
      if (backend) emit({ type: 'log', level: 'info', message: `scoring on ${backend}` });
      const model = await loadPredictor(inputs.model as string);
      try {
        const metrics = await evaluateModel(model, split, {
          ...options,
          signal: aborted,
          onProgress: (done, total, unit) =>
            emit({ type: 'progress', done, total, unit, label: 'catalogue ranking' }),
        });
        await writeFile(join(outputs.evaluation, 'metrics.json'),
          `${JSON.stringify(metrics, null, 2)}\n`);

        const firstUsers = Array.from(
          { length: Math.min(options.recommendationUsers, split.numUsers) }, (_, user) => user);
        const rows = await recommendFor({
          predictor: scorerWithPolicy(model, split),
          users: firstUsers,
          numItems: split.numItems,
          seen: groupByUser(concatTriples([split.train, split.validation]), split.numUsers),
          labels: await readDatasetLabels(inputs.dataset as string),
          n: options.k,
        });
        await writeFile(join(outputs.evaluation, 'recommendations.csv'), recommendationsCsv(rows));

        emit({ type: 'summary', data: { ...metrics, table: metricsTable([metrics]) } });
      } finally {
        model.dispose();
      }
    }),
});
