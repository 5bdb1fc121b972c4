import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ratingError } from '../src/evaluation/rating-error.ts';
import { makeRatingTriples } from '../src/evaluation/rating-triples.ts';
import { fitBias } from '../src/models/baselines/fit-bias.ts';
import { createBiasPredictor } from '../src/models/baselines/bias-predictor.ts';
import { loadPredictor } from '../src/models/load-predictor.ts';
import { trainBias } from '../src/stages/train-bias.ts';
import {
  modelConfig, runSettings, seededRandom, tempDirectory, writePrepared,
} from './evaluation-fixture.ts';

type Row = [number, number, number];

// 80 users and 60 items with known biases; each pair observed with probability 0.4.
// rating = 3.5 + user bias + item bias + noise (sd about 0.3), rounded and clipped to 1..5.
function generate() {
  const random = seededRandom(11);
  const userBias = Array.from({ length: 80 }, () => random() - 0.5);
  const itemBias = Array.from({ length: 60 }, () => 1.6 * random() - 0.8);
  const train: Row[] = [];
  const test: Row[] = [];
  for (let user = 0; user < 80; user++) {
    for (let item = 0; item < 60; item++) {
      if (random() > 0.4) continue;
      const noise = 0.3 * (random() + random() + random() - 1.5) * 2;
      const raw = 3.5 + userBias[user] + itemBias[item] + noise;
      const row: Row = [user, item, Math.min(5, Math.max(1, Math.round(raw)))];
      (random() < 0.2 ? test : train).push(row);
    }
  }
  return { userBias, itemBias, train, test };
}

const data = generate();
const sizes = { numUsers: 80, numItems: 60 };

test('the bias baseline recovers the generated item biases', () => {
  const fitted = fitBias(makeRatingTriples(data.train), {
    ...sizes, itemDamping: 5, userDamping: 5, iterations: 10,
  });
  // Rounding to whole stars blurs the biases, so compare their ordering and their scale.
  const errors = data.itemBias.map((bias, item) => Math.abs(fitted.itemBias[item] - bias));
  const meanError = errors.reduce((sum, error) => sum + error, 0) / errors.length;
  assert.ok(meanError < 0.15, `mean item-bias error ${meanError}`);
  assert.ok(Math.abs(fitted.globalMean - 3.5) < 0.15, `global mean ${fitted.globalMean}`);
});

test('its test RMSE is well below that of always predicting the global mean', async () => {
  const train = makeRatingTriples(data.train);
  const test = makeRatingTriples(data.test);
  const fitted = fitBias(train, { ...sizes, itemDamping: 5, userDamping: 5, iterations: 10 });
  const predictor = createBiasPredictor(modelConfig(sizes), fitted);

  const biasRmse = ratingError(test.ratings, await predictor.predict(test.users, test.items)).rmse;
  const meanRmse = ratingError(test.ratings, test.ratings.map(() => fitted.globalMean)).rmse;
  assert.ok(biasRmse < 0.85 * meanRmse, `bias ${biasRmse} vs global mean ${meanRmse}`);
});

test('a single round with damping 0 is the plain mean of residuals', () => {
  // Ratings: u0-i0 5, u0-i1 3, u1-i0 4. Mean 4. Item biases: i0 = (1 + 0)/2 = 0.5, i1 = -1.
  // User biases after that: u0 = ((5-4-0.5) + (3-4+1)) / 2 = 0.25, u1 = (4-4-0.5)/1 = -0.5.
  const fitted = fitBias(makeRatingTriples([[0, 0, 5], [0, 1, 3], [1, 0, 4]]), {
    numUsers: 3, numItems: 3, itemDamping: 0, userDamping: 0, iterations: 1,
  });
  assert.is(fitted.globalMean, 4);
  assert.equal(Array.from(fitted.itemBias), [0.5, -1, 0]);
  assert.equal(Array.from(fitted.userBias), [0.25, -0.5, 0]);
});

test('predictions are clipped to the rating scale', async () => {
  const predictor = createBiasPredictor(modelConfig(), {
    globalMean: 4.5, userBias: Float64Array.from([1, -5]), itemBias: Float64Array.from([0.2]),
  });
  const scores = await predictor.predict(Int32Array.from([0, 1]), Int32Array.from([0, 0]));
  assert.equal(Array.from(scores), [5, 1]);
});

test('train-bias writes a model that loadPredictor loads back with identical scores', async () => {
  const root = await tempDirectory('train-bias');
  const prepared = await writePrepared(path.join(root, 'prepared'), {
    train: data.train, validation: data.test.slice(0, 50), test: data.test,
  }, { ...sizes, name: 'g1' });
  const modelDir = path.join(root, 'model');
  await mkdir(modelDir);

  const emissions = await lastValueFrom(trainBias.run({
    params: trainBias.params.parse({}),
    inputs: { prepared }, outputs: { model: modelDir },
    run: runSettings(root), signal: new AbortController().signal,
  }).pipe(toArray()));
  const summary = emissions.find((emission) => emission.type === 'summary');
  assert.is((summary?.data as { split: string }).split, 'g1');

  const loaded = await loadPredictor(modelDir);
  assert.is(loaded.config.type, 'bias');
  assert.is(loaded.config.numUsers, 80);
  assert.equal(loaded.config.hyperParameters, { itemDamping: 5, userDamping: 5, iterations: 10 });
  const direct = createBiasPredictor(loaded.config, fitBias(makeRatingTriples(data.train), {
    ...sizes, itemDamping: 5, userDamping: 5, iterations: 10,
  }));
  const users = Int32Array.from(data.test, (row) => row[0]);
  const items = Int32Array.from(data.test, (row) => row[1]);
  assert.equal(await loaded.predict(users, items), await direct.predict(users, items));
});

test.run();
