import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rankCatalogue } from '../src/evaluation/rank-catalogue.ts';
import { groupByUser } from '../src/evaluation/ratings-by-user.ts';
import { makeRatingTriples } from '../src/evaluation/rating-triples.ts';
import { loadPredictor } from '../src/models/load-predictor.ts';
import { countItemRatings } from '../src/models/baselines/popularity-predictor.ts';
import { trainPopular } from '../src/stages/train-popular.ts';
import { runSettings, tempDirectory, writePrepared } from './evaluation-fixture.ts';

// Item rating counts in train: item 0: 1, item 1: 3, item 2: 3, item 3: 0, item 4: 2.
const train: [number, number, number][] = [
  [0, 1, 5], [1, 1, 2], [2, 1, 4], [0, 2, 1], [1, 2, 3], [2, 2, 3],
  [0, 4, 4], [1, 4, 5], [2, 0, 1],
];

test('countItemRatings counts training ratings per item, whatever their value', () => {
  assert.equal(Array.from(countItemRatings(makeRatingTriples(train), 5)), [1, 3, 3, 0, 2]);
});

test('train-popular: a ranking-only model; ties go to the lower item index', async () => {
  const root = await tempDirectory('train-popular');
  const prepared = await writePrepared(path.join(root, 'prepared'), {
    train, validation: [[0, 0, 3]], test: [[1, 3, 4]],
  }, { numUsers: 3, numItems: 5, name: 'p1' });
  const modelDir = path.join(root, 'model');
  await mkdir(modelDir);

  await lastValueFrom(trainPopular.run({
    params: {}, inputs: { prepared }, outputs: { model: modelDir },
    run: runSettings(root), signal: new AbortController().signal,
  }).pipe(toArray()));
  const config = JSON.parse(await readFile(path.join(modelDir, 'model-config.json'), 'utf8'));
  assert.is(config.predictsRatings, false);

  const predictor = await loadPredictor(modelDir);
  const scores = await predictor.predict(Int32Array.from([0, 2]), Int32Array.from([1, 3]));
  assert.equal(Array.from(scores), [3, 0]);

  // User 0 has rated items 0 (validation), 1, 2 and 4: only item 3 is left for them.
  // User 1 has rated 1, 2, 4: items 0 (count 1) then 3 (count 0).
  // A user with nothing rated gets 1 and 2 (both 3, lower index first), then 4, 0, 3.
  const seen = groupByUser(makeRatingTriples([...train, [0, 0, 3]]), 4);
  const lists: Record<number, number[]> = {};
  await rankCatalogue({
    predictor, users: [0, 1, 3], numItems: 5, seen, k: 10, pairsPerBatch: 10,
    onUser: (user, items) => (lists[user] = items),
  });
  assert.equal(lists, { 0: [3], 1: [0, 3], 3: [1, 2, 4, 0, 3] });
});

test.run();
