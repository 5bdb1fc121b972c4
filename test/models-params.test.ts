import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDnnModel } from '../src/models/dnn-model.ts';
import { buildHybridModel } from '../src/models/hybrid-model.ts';
import { buildMfModel } from '../src/models/mf-model.ts';
import { initBackend } from '../src/tf/backend.ts';
import { tf } from '../src/tf/tf.ts';

// MovieLens 100K's sizes: 943 users and 1,682 items, as dense 0-based indices.
const sizes = { numUsers: 943, numItems: 1682, seed: 1, globalMean: 0.6 };

function trainable(model: tf.LayersModel): number {
  const size = (shape: readonly (number | null)[]) =>
    shape.reduce<number>((a, b) => a * (b ?? 1), 1);
  return model.trainableWeights.reduce((sum, w) => sum + size(w.shape), 0);
}

test('MF has (943 + 1,682) x (16 + 1) + 1 = 44,626 parameters', async () => {
  await initBackend('auto');
  const { model } = buildMfModel({ ...sizes, factors: 16, l2: 0 });

  assert.is(model.countParams(), 44_626);
  // The reference's 44,659 counts one never-used row per table, and no global offset.
  assert.is(model.countParams() + 17 + 17 - 1, 44_659);
  model.dispose();
});

test('DNN has 335,937 parameters: the reference 336,065 less two unused rows', async () => {
  await initBackend('auto');
  const { model } = buildDnnModel({
    ...sizes, embedding: 64, hidden: [256, 256, 256], embeddingDropout: 0.2, dropout: 0.3,
  });

  assert.is(model.countParams(), 335_937);
  assert.is(model.countParams() + 64 + 64, 336_065);
  // Batch norm's moving mean and variance (3 x 2 x 256) are weights but not trained.
  assert.is(trainable(model), 335_937 - 1_536);
  model.dispose();
});

test('DNN with biases adds one trainable scalar per user and per item: 338,562', async () => {
  await initBackend('auto');
  const { model } = buildDnnModel({
    ...sizes, embedding: 64, hidden: [256, 256, 256], embeddingDropout: 0.2, dropout: 0.3,
    biases: true,
  });

  assert.is(model.countParams(), 335_937 + 943 + 1682);
  assert.is(model.countParams(), 338_562);
  assert.is(trainable(model), 338_562 - 1_536);
  model.dispose();
});

test('hybrid counts both branches; its frozen side-feature tables are untrained', async () => {
  await initBackend('auto');
  const base = { ...sizes, factors: 16, embedding: 32, hidden: [128, 64], dropout: 0.2, l2: 0.03 };
  const plain = buildHybridModel(base);
  const userFeatures = { values: new Float32Array(943 * 24), width: 24, names: [] };
  const itemFeatures = { values: new Float32Array(1682 * 19), width: 19, names: [] };
  const withSides = buildHybridModel({ ...base, userFeatures, itemFeatures });

  const mfBranch = (943 + 1682) * 17 + 1;
  const mlpBranch = (943 + 1682) * 32 + (64 * 128 + 128) + (128 * 64 + 64) + 65;
  assert.is(plain.model.countParams(), mfBranch + mlpBranch);

  const sideInputs = (24 + 19) * 128;
  assert.is(trainable(withSides.model), mfBranch + mlpBranch + sideInputs);
  assert.is(withSides.model.countParams(), trainable(withSides.model) + 943 * 24 + 1682 * 19);
  plain.model.dispose();
  withSides.model.dispose();
});

test.run();
