import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StageEmission } from '../src/core/events.ts';
import type { RunSettings, StageDefinition } from '../src/core/stage.ts';
import { loadPredictor } from '../src/models/load-predictor.ts';
import { readTrainingData } from '../src/models/training-data.ts';
import { stages } from '../src/stages/index.ts';
import { globalMeanRmse, plantedRatings, rmse, writePreparedFixture } from './models-fixture.ts';

const planted = plantedRatings();
const run: RunSettings = {
  dataCacheDir: tmpdir(), seed: 11, concurrency: 1, backend: 'auto',
};
const quick = { epochs: 6, batchSize: 64, learningRate: 0.01 };
const small: Record<string, Record<string, unknown>> = {
  'train-mf': { ...quick, factors: 8, l2: 0.01 },
  'train-dnn': { ...quick, embedding: 8, hidden: [16, 16], dropout: 0.1, embeddingDropout: 0.1 },
  'train-hybrid': { ...quick, factors: 8, embedding: 8, hidden: [16], l2: 0.01 },
};

async function runStage(
  name: string,
  prepared: string,
  signal = new AbortController().signal,
  model?: string,
) {
  const stage = stages[name] as StageDefinition;
  const params = stage.params.parse(small[name]);
  model ??= await mkdtemp(join(tmpdir(), `${name}-`));
  const emissions = await lastValueFrom(stage.run({
    params, inputs: { prepared }, outputs: { model }, run, signal,
  }).pipe(toArray()));
  return { model, emissions };
}

test('the prepared reader takes side features from users.csv and the genre columns', async () => {
  const data = await readTrainingData(await writePreparedFixture(planted));

  assert.is(data.numUsers, 50);
  assert.equal(data.ratingScale, { min: 1, max: 5 });
  // ageScaled, two genders, three occupations; user 3 is F, job0... (index 3 % 3 = 0).
  assert.equal(data.userFeatures?.names, ['ageScaled', 'gender0', 'gender1',
    'occupation0', 'occupation1', 'occupation2']);
  assert.equal(Array.from(data.userFeatures!.values.slice(3 * 6, 4 * 6)), [0.06, 0, 1, 1, 0, 0]
    .map((v) => Math.fround(v)));
  assert.equal(data.itemFeatures?.names, ['genre_Drama', 'genre_Comedy']);
  assert.equal(Array.from(data.itemFeatures!.values.slice(2, 4)), [1, 0]);
});

for (const name of ['train-mf', 'train-dnn', 'train-hybrid']) {
  test(`${name}: emits epochs and a summary, saves a model that reloads and predicts identically`,
    async () => {
      const prepared = await writePreparedFixture(planted);
      const { model, emissions } = await runStage(name, prepared);

      const epochs = emissions.filter((e) => e.type === 'epoch');
      assert.ok(epochs.length >= 2 && epochs.length <= 6);
      assert.equal(epochs.map((e) => e.epoch), epochs.map((_, k) => k + 1));
      assert.ok(emissions.some((e) => e.type === 'progress' && e.label === 'epoch 1/6'));
      const summary = emissions.at(-1) as Extract<StageEmission, { type: 'summary' }>;
      assert.is(summary.type, 'summary');
      assert.is(summary.data.backend, 'wasm');
      const kernels = process.env.RECOMMENDER_WASM_KERNELS === 'stock' ? 'tfjs' : 'project';
      assert.is(summary.data.kernels, kernels);

      const files = (await readdir(model)).sort();
      assert.equal(files, ['history.json', 'model-config.json', 'model.json', 'weights.bin']);
      const config = JSON.parse(await readFile(join(model, 'model-config.json'), 'utf8'));
      assert.is(config.type, name.slice('train-'.length));
      assert.is(config.bestEpoch, summary.data.bestEpoch);
      assert.is(config.kernels, kernels);
      assert.is(JSON.parse(await readFile(join(model, 'history.json'), 'utf8')).length,
        epochs.length);

      const first = await loadPredictor(model);
      const second = await loadPredictor(model);
      const { users, items, ratings } = planted.test;
      const predicted = await first.predict(users, items);
      assert.equal(Array.from(await second.predict(users, items)), Array.from(predicted));
      assert.ok(predicted.every((r) => r >= 1 && r <= 5));
      assert.ok(rmse(predicted, ratings) < globalMeanRmse(planted));
      first.dispose();
      second.dispose();
    });
}

test('the hybrid records its side features, and runs without them when switched off',
  async () => {
    const prepared = await writePreparedFixture(planted);
    small['train-hybrid'] = { ...small['train-hybrid'], epochs: 2 };
    const withSides = await runStage('train-hybrid', prepared);
    small['train-hybrid'] = { ...small['train-hybrid'], sideFeatures: false };
    const without = await runStage('train-hybrid', prepared);

    const read = async (dir: string) =>
      JSON.parse(await readFile(join(dir, 'model-config.json'), 'utf8'));
    assert.is((await read(withSides.model)).sideFeatures.length, 8);
    assert.equal((await read(without.model)).sideFeatures, []);
    assert.ok((await read(without.model)).parameters < (await read(withSides.model)).parameters);
  });

test('a cancelled stage rejects and writes no model', async () => {
  const prepared = await writePreparedFixture(planted);
  const controller = new AbortController();
  controller.abort(new Error('cancelled by the test'));

  const model = await mkdtemp(join(tmpdir(), 'cancelled-'));

  const outcome = await runStage('train-mf', prepared, controller.signal, model).catch((e) => e);
  assert.instance(outcome, Error);
  assert.equal(await readdir(model), []);
});

test.run();
