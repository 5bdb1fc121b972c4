import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDnnModel } from '../src/models/dnn-model.ts';
import { buildHybridModel } from '../src/models/hybrid-model.ts';
import { buildMfModel } from '../src/models/mf-model.ts';
import type { BuiltModel } from '../src/models/model-parts.ts';
import { predictInBatches, toRatings } from '../src/models/predict-in-batches.ts';
import { trainModel, type TrainOptions } from '../src/models/train-model.ts';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';
import { globalMeanRmse, plantedRatings, rmse } from './models-fixture.ts';

const planted = plantedRatings();
const { data } = planted;
const sizes = { numUsers: data.numUsers, numItems: data.numItems, globalMean: 0.55 };
const sides = {
  userFeatures: { values: new Float32Array(data.numUsers * 2).fill(0.5), width: 2, names: [] },
  itemFeatures: { values: new Float32Array(data.numItems).fill(1), width: 1, names: [] },
};

const builders: Record<string, (seed: number) => BuiltModel> = {
  mf: (seed) => buildMfModel({ ...sizes, seed, factors: 8, l2: 0.01 }),
  dnn: (seed) => buildDnnModel({
    ...sizes, seed, embedding: 8, hidden: [16, 16], embeddingDropout: 0.1, dropout: 0.1,
  }),
  hybrid: (seed) => buildHybridModel({
    ...sizes, seed, factors: 8, embedding: 8, hidden: [16], dropout: 0.1, l2: 0.01, ...sides,
  }),
};

const options: TrainOptions = {
  epochs: 20, batchSize: 64, learningRate: 0.01, learningRateDecay: 1, patience: 3, seed: 9,
  ratingScale: data.ratingScale,
};

function testRmse(built: BuiltModel): number {
  const scaled = predictInBatches(built.model, planted.test.users, planted.test.items);
  return rmse(toRatings(scaled, data.ratingScale), planted.test.ratings);
}

for (const [name, build] of Object.entries(builders)) {
  test(`${name}: validation loss falls and test RMSE beats the global mean`, async () => {
    await initBackend('auto');
    const built = build(5);
    const result = await trainModel(built, data.train, data.validation, options);

    const first = result.history[0];
    const best = result.history[result.bestEpoch - 1];
    assert.ok(best.valLoss < first.valLoss * 0.9, `${best.valLoss} vs ${first.valLoss}`);
    assert.is(best.valRmse, result.bestValRmse);
    const baseline = globalMeanRmse(planted);
    const achieved = testRmse(built);
    assert.ok(achieved < baseline * 0.9, `${name} RMSE ${achieved} vs mean ${baseline}`);
    built.model.dispose();
  });
}

test('the best epoch\'s weights are restored after later, worse epochs', async () => {
  await initBackend('auto');
  // A high learning rate without a penalty overfits fast, so later epochs are worse.
  const built = buildMfModel({ ...sizes, seed: 2, factors: 16, l2: 0 });
  const result = await trainModel(built, data.train, data.validation,
    { ...options, learningRate: 0.05, epochs: 12, patience: 12 });

  assert.ok(result.bestEpoch < result.history.length, 'expected a later, worse epoch');
  const scaled = predictInBatches(built.model, data.validation.users, data.validation.items);
  const restored = rmse(toRatings(scaled, data.ratingScale), data.validation.ratings);
  assert.ok(Math.abs(restored - result.bestValRmse) < 1e-6, `${restored} vs ${result.bestValRmse}`);
  built.model.dispose();
});

test('two runs with the same seed give identical weights (dropout included)', async () => {
  await initBackend('auto');
  const run = async () => {
    const built = builders.dnn(7);
    await trainModel(built, data.train, data.validation, { ...options, epochs: 3 });
    const weights = built.model.getWeights().map((w) => Array.from(w.dataSync()));
    built.model.dispose();
    return weights;
  };
  const [first, second] = [await run(), await run()];

  assert.equal(first, second);
  const other = builders.dnn(8);
  assert.not.equal(Array.from(other.model.getWeights()[0].dataSync()), first[0]);
  other.model.dispose();
});

test('training leaves no tensor behind but the model\'s own weights', async () => {
  await initBackend('auto');
  const built = builders.hybrid(4);
  const before = tf.memory().numTensors;

  await trainModel(built, data.train, data.validation, { ...options, epochs: 3 });

  assert.is(tf.memory().numTensors, before);
  built.model.dispose();
});

test('an aborted signal stops training between batches and keeps the best weights', async () => {
  await initBackend('auto');
  const built = builders.mf(3);
  const controller = new AbortController();
  let batches = 0;

  const result = await trainModel(built, data.train, data.validation, {
    ...options, epochs: 50, signal: controller.signal,
    onBatch: (_done, _total, epoch) => {
      batches++;
      if (epoch === 2) controller.abort();
    },
  });

  assert.ok(result.aborted);
  assert.is(result.history.length, 1);
  assert.is(result.bestEpoch, 1);
  const perEpoch = Math.ceil(data.train.users.length / options.batchSize);
  assert.is(batches, perEpoch + 1);
  built.model.dispose();
});

test('predictions are unscaled exactly and clipped to the rating scale', () => {
  const scale = { min: 1, max: 5 };
  const ratings = toRatings(Float32Array.from([-0.5, 0, 0.375, 1, 1.7]), scale);

  assert.equal(Array.from(ratings), [1, 1, 2.5, 5, 5]);
});

test.run();
