import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTable } from '../src/data/load-table.ts';
import { readRatingsCsv } from '../src/data/ratings-csv.ts';
import { fitMinMax, minMaxScale } from '../src/preprocess/min-max-scaler.ts';
import {
  scaleRating, unscaleRating, unscaleRatings,
} from '../src/preprocess/rating-scaler.ts';
import { readScalers } from '../src/preprocess/scalers.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { scaleFeatures } from '../src/stages/scale-features.ts';
import { splitOfficial } from '../src/stages/split-official.ts';
import { runStage, small100k, writeFixture } from './data-fixtures.ts';

test('rating scaling maps the scale onto [0, 1] and back exactly', () => {
  for (const scale of [{ min: 1, max: 5, step: 1 }, { min: 0.5, max: 5, step: 0.5 }]) {
    assert.is(scaleRating(scale.min, scale), 0);
    assert.is(scaleRating(scale.max, scale), 1);
    for (let rating = scale.min; rating <= scale.max; rating += scale.step) {
      assert.is(unscaleRating(scaleRating(rating, scale), scale), rating);
    }
  }
  assert.is(scaleRating(3.5, { min: 0.5, max: 5 }), 3 / 4.5);
});

test('unscaling predictions clips them to the scale', () => {
  const ratings = unscaleRatings([-0.2, 0.5, 1.3], { min: 1, max: 5 });
  assert.equal([...ratings], [1, 3, 5]);
});

test('min-max fitting skips missing values; a constant feature scales to 0', () => {
  assert.equal(fitMinMax([null, 30, Number.NaN, 18, 61]), { min: 18, max: 61 });
  assert.is(minMaxScale(40, { min: 40, max: 40 }), 0);
  assert.throws(() => fitMinMax([null]), /no values/);
});

/** User 5, aged 70, has ratings in u1.test only: the age scaler must not see them. */
async function prepared() {
  const data = await writeFixture(small100k({
    'u.user': '1|24|M|student|85711\n2|53|F|writer|94043\n5|70|F|student|T8H1N\n',
    'u1.base': '1\t1\t5\t100\n2\t7\t4\t102\n1\t9\t2\t104\n',
    'u1.test': '1\t2\t3\t101\n5\t1\t1\t103\n',
    'u.data': '1\t1\t5\t100\n1\t2\t3\t101\n2\t7\t4\t102\n5\t1\t1\t103\n1\t9\t2\t104\n',
  }));
  const dataset = (await runStage(ingestMovielens, { run: { dataPath: data } })).outputs.dataset;
  const split = (await runStage(splitOfficial, { params: { name: 'u1', validationFraction: 0 },
    inputs: { dataset } })).outputs.split;
  const { outputs } = await runStage(scaleFeatures, { inputs: { dataset, split } });
  return outputs.prepared;
}

test('scalers are fitted on the training part only', async () => {
  const dir = await prepared();
  const scalers = await readScalers(dir);
  assert.equal(scalers.rating, { min: 1, max: 5 });
  assert.equal(scalers.age, { min: 24, max: 53, fittedOnUsers: 2 });
  const allAges = fitMinMax([24, 53, 70]);
  assert.is.not(scalers.age?.max, allAges.max);

  const users = (await loadTable(join(dir, 'users.csv'))).objects() as Record<string, unknown>[];
  assert.equal(users.map((u) => u.ageScaled), [0, 1, 1]);
  assert.equal(users.map((u) => u.genderIndex), [1, 0, 0]);
  assert.equal(users.map((u) => u.occupationIndex), [0, 1, 0]);
});

test('prepared ratings carry ratingScaled; items carry one flag per genre', async () => {
  const dir = await prepared();
  const text = await readFile(join(dir, 'test.csv'), 'utf8');
  assert.is(text.split('\n')[0], 'user,item,rating,timestamp,ratingScaled');
  assert.is(text.split('\n')[1], '0,1,3,101,0.5');
  const test = await readRatingsCsv(join(dir, 'test.csv'));
  assert.equal([...test.rating], [3, 1]);

  const items = (await loadTable(join(dir, 'items.csv'))).objects() as Record<string, unknown>[];
  assert.equal(items.map((i) => [i.genre_unknown, i.genre_Action, i.genre_Comedy]),
    [[0, 0, 1], [0, 1, 0], [0, 0, 0], [1, 0, 0]]);
});

test.run();
