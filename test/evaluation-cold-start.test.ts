import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluateModel } from '../src/evaluation/evaluate-model.ts';
import type { PreparedSplit } from '../src/evaluation/prepared-split.ts';
import { makeRatingTriples } from '../src/evaluation/rating-triples.ts';
import { createBiasPredictor } from '../src/models/baselines/bias-predictor.ts';
import { BIAS_DEFAULTS, fitBias } from '../src/models/baselines/fit-bias.ts';
import type { Predictor } from '../src/models/predictor.ts';
import { modelConfig } from './evaluation-fixture.ts';

// User 3 and item 3 have no training rating: test pairs (3, 0) and (1, 3) are cold.
const split: PreparedSplit = {
  name: 'cold',
  train: makeRatingTriples([[0, 0, 5], [0, 1, 3], [1, 0, 4], [1, 1, 2], [2, 0, 3], [2, 2, 4]]),
  validation: makeRatingTriples([]),
  test: makeRatingTriples([[0, 2, 4], [3, 0, 5], [1, 3, 1]]),
  numUsers: 4,
  numItems: 4,
  ratingScale: { min: 1, max: 5 },
};

/** Predicts 1.5 for everything and records every pair it was asked about. */
function recordingModel(predictsRatings: boolean) {
  const asked: string[] = [];
  const predictor: Predictor = {
    config: modelConfig({ numUsers: 4, numItems: 4, predictsRatings }),
    async predict(users, items) {
      users.forEach((user, pair) => asked.push(`${user}-${items[pair]}`));
      return new Float32Array(users.length).fill(1.5);
    },
    dispose() {},
  };
  return { predictor, asked };
}

const options = { k: 10, threshold: 4, pairsPerBatch: 1000 };

test('cold pairs get the bias prediction, are counted, and never reach the model', async () => {
  const { predictor, asked } = recordingModel(true);
  const metrics = await evaluateModel(predictor, split, options);

  const bias = createBiasPredictor(modelConfig(), fitBias(split.train, {
    numUsers: 4, numItems: 4, ...BIAS_DEFAULTS,
  }));
  const coldPairs = { users: Int32Array.from([3, 1]), items: Int32Array.from([0, 3]) };
  const [coldUser, coldItem] = await bias.predict(coldPairs.users, coldPairs.items);
  // Errors: warm 1.5 - 4, cold user coldUser - 5, cold item coldItem - 1.
  const expectedMse = ((1.5 - 4) ** 2 + (coldUser - 5) ** 2 + (coldItem - 1) ** 2) / 3;
  assert.ok(Math.abs((metrics.mse ?? 0) - expectedMse) < 1e-6, `${metrics.mse} vs ${expectedMse}`);
  assert.ok(coldUser > 3 && coldItem < 4, 'the bias values differ from the model');

  assert.is(metrics.coldStartPairs, 2);
  assert.is(metrics.coldStartPolicy, 'bias-fallback');
  assert.not.ok(asked.includes('3-0'), 'the model saw the cold user');
  assert.not.ok(asked.some((pair) => pair.endsWith('-3')), 'the model saw the cold item');
});

test('a ranking-only model scores cold pairs itself and has no rating error', async () => {
  const { predictor, asked } = recordingModel(false);
  const metrics = await evaluateModel(predictor, split, options);

  assert.is(metrics.coldStartPairs, 2);
  assert.is(metrics.coldStartPolicy, 'model');
  assert.is(metrics.rmse, null);
  assert.ok(asked.includes('3-0'));
  // Relevant test pairs: (0, 2) rated 4 and (3, 0) rated 5; both users are evaluated.
  assert.is(metrics.protocols['test-items'].users, 2);
  assert.is(metrics.protocols.catalogue.users, 2);
  assert.is(metrics.protocols.catalogue.skippedUsers, 1);
});

test.run();
