import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDnnModel } from '../src/models/dnn-model.ts';
import { foldModel } from '../src/models/fold-model.ts';
import { FoldedMf } from '../src/models/folded-mf.ts';
import { buildMfModel } from '../src/models/mf-model.ts';
import { buildHybridModel } from '../src/models/hybrid-model.ts';
import type { BuiltModel } from '../src/models/model-parts.ts';
import type { ModelConfig } from '../src/models/model-config.ts';
import { predictInBatches } from '../src/models/predict-in-batches.ts';
import { TfjsPredictor } from '../src/models/tfjs-predictor.ts';
import { trainModel } from '../src/models/train-model.ts';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';
import { plantedRatings } from './models-fixture.ts';

const planted = plantedRatings(30, 25, 5);
const { numUsers, numItems } = planted.data;

/** Every (user, item) pair of the fixture, user-major, as the catalogue ranking asks. */
function allPairs() {
  const users = new Int32Array(numUsers * numItems);
  const items = new Int32Array(numUsers * numItems);
  for (let pair = 0; pair < users.length; pair++) {
    users[pair] = Math.floor(pair / numItems);
    items[pair] = pair % numItems;
  }
  return { users, items };
}

/** Four short epochs, so batch norm's moving statistics and the biases are far from initial. */
async function trained(built: BuiltModel): Promise<tf.LayersModel> {
  await trainModel(built, planted.data.train, planted.data.validation, {
    epochs: 4, batchSize: 32, learningRate: 0.01, learningRateDecay: 1, patience: 5, seed: 9,
    ratingScale: planted.data.ratingScale,
  });
  return built.model;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k] - b[k]));
  return max;
}

function assertFoldedMatches(model: tf.LayersModel, type: string): void {
  const { users, items } = allPairs();
  const plain = predictInBatches(model, users, items);
  const folded = foldModel(model, type);
  const fast = folded.predictScaled(users, items, 97);
  folded.dispose();

  assert.ok(maxDifference(plain, fast) < 1e-5, `largest difference ${maxDifference(plain, fast)}`);
  // The outputs must vary across pairs, or matching them would prove little.
  const spread = Math.max(...plain) - Math.min(...plain);
  assert.ok(spread > 0.05, `outputs spread over ${spread} only`);
}

const dnnSizes = {
  numUsers, numItems, embedding: 8, hidden: [16, 12, 8], embeddingDropout: 0.1, dropout: 0.2,
  globalMean: 0.6, l2: 0.01, seed: 4,
};

test('folded DNN with biases predicts what the model predicts, within 1e-5', async () => {
  await initBackend('auto');
  const model = await trained(buildDnnModel({ ...dnnSizes, biases: true }));
  assertFoldedMatches(model, 'dnn');
  model.dispose();
});

test('folded DNN without biases (the reference architecture) matches too', async () => {
  await initBackend('auto');
  const model = await trained(buildDnnModel(dnnSizes));
  assertFoldedMatches(model, 'dnn');
  model.dispose();
});

test('folded hybrid matches, with side features and batch norm, and without either', async () => {
  await initBackend('auto');
  const base = {
    numUsers, numItems, factors: 4, embedding: 6, hidden: [10, 6], dropout: 0.2, l2: 0.01,
    globalMean: 0.6, seed: 6,
  };
  const userValues = new Float32Array(numUsers * 3).map((_, k) => (k % 3 === 0 ? 1 : 0.5));
  const userFeatures = { values: userValues, width: 3, names: ['a', 'b', 'c'] };
  const itemValues = new Float32Array(numItems * 2).map((_, k) => k % 2);
  const itemFeatures = { values: itemValues, width: 2, names: ['d', 'e'] };

  const withSides = await trained(buildHybridModel({
    ...base, batchNorm: true, userFeatures, itemFeatures,
  }));
  assertFoldedMatches(withSides, 'hybrid');
  withSides.dispose();

  const plain = await trained(buildHybridModel(base));
  assertFoldedMatches(plain, 'hybrid');
  plain.dispose();
});

test('folded MF predicts what the model predicts, within 1e-5', async () => {
  await initBackend('auto');
  const model = await trained(buildMfModel({
    numUsers, numItems, factors: 6, l2: 0.01, globalMean: 0.6, seed: 3,
  }));
  const { users, items } = allPairs();

  const plain = predictInBatches(model, users, items);
  const fast = new FoldedMf(model).predictScaled(users, items);

  assert.ok(maxDifference(plain, fast) < 1e-5, `largest difference ${maxDifference(plain, fast)}`);
  const spread = Math.max(...plain) - Math.min(...plain);
  assert.ok(spread > 0.05, `outputs spread over ${spread} only`);
  model.dispose();
});

test('the predictor scores alike folded and plain, and leaves no tensor behind', async () => {
  await initBackend('auto');
  const model = await trained(buildDnnModel({ ...dnnSizes, biases: true }));
  const config = {
    type: 'dnn', predictsRatings: true, numUsers, numItems, ratingScale: { min: 1, max: 5 },
  } as ModelConfig;
  const { users, items } = allPairs();

  const before = tf.memory().numTensors;
  const bare = foldModel(model, 'dnn');
  bare.predictScaled(users, items);
  bare.dispose();
  assert.is(tf.memory().numTensors, before);

  const folded = new TfjsPredictor(config, model, { fold: true });
  const fast = await folded.predict(users, items);
  const plain = await new TfjsPredictor(config, model, { fold: false }).predict(users, items);
  // Ratings are the scaled outputs times 4 (the 1-5 scale), so 1e-5 there is 4e-5 here.
  assert.ok(maxDifference(fast, plain) < 4e-5, `largest difference ${maxDifference(fast, plain)}`);
  assert.ok(fast.every((rating) => rating >= 1 && rating <= 5));
  folded.dispose();
});

test.run();
