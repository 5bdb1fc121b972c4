import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { table } from 'arquero';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { crossTab, genreCooccurrence } from '../src/preprocess/cross-tables.ts';
import { PivotTooLargeError, userItemPivot } from '../src/preprocess/user-item-pivot.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { pivotRatings } from '../src/stages/pivot-ratings.ts';
import { runStage, small100k, writeFixture } from './data-fixtures.ts';

test('crossTab counts pairs, orders keys numerically and fills zeros', () => {
  const ratings = table({ occupation: ['b', 'a', 'a', 'b', 'a'], rating: [10, 2, 2, 1, 10] });
  const counts = crossTab(ratings, 'occupation', 'rating');
  assert.equal(counts.columnNames(), ['occupation', '1', '2', '10']);
  assert.equal(counts.objects(), [
    { occupation: 'a', 1: 0, 2: 2, 10: 1 },
    { occupation: 'b', 1: 1, 2: 0, 10: 1 },
  ]);
});

test('genre co-occurrence counts items carrying both genres', () => {
  const items = table({ item: [0, 1, 2], genres: ['Action|Comedy', 'Comedy', ''] });
  const counts = genreCooccurrence(items);
  assert.equal(counts.objects(), [
    { genre: 'Action', Action: 1, Comedy: 1 },
    { genre: 'Comedy', Action: 1, Comedy: 2 },
  ]);
});

test('the user x item pivot holds each rating in its cell', () => {
  const ratings = table({ user: [1, 0, 0], item: [10, 2, 0], rating: [4, 3, 5] });
  const pivot = userItemPivot(ratings, { users: 2, items: 11 }, 100);
  assert.equal(pivot.columnNames(), ['user', '0', '2', '10']);
  assert.equal(pivot.get('2', 0), 3);
  assert.equal(pivot.get('10', 1), 4);
  assert.is(pivot.get('0', 1), undefined);
  assert.throws(() => userItemPivot(ratings, { users: 2, items: 11 }, 21),
    (error: Error) =>
      error instanceof PivotTooLargeError && /2 x 11 = 22 cells/.test(error.message));
});

async function dataset() {
  const data = await writeFixture(small100k());
  return (await runStage(ingestMovielens, { run: { dataPath: data } })).outputs.dataset;
}

test('pivot-ratings writes the tables as CSV', async () => {
  const { outputs } = await runStage(pivotRatings, { inputs: { dataset: await dataset() } });
  const gender = await readFile(join(outputs.tables, 'gender-rating.csv'), 'utf8');
  assert.is(gender, 'gender,1,2,3,4,5\nF,1,1,0,1,0\nM,0,0,1,0,1\n');
  const pivot = await readFile(join(outputs.tables, 'user-item.csv'), 'utf8');
  assert.is(pivot.split('\n')[0], 'user,0,1,2,3');
  assert.is(pivot.split('\n')[1], '0,5,3,,');
});

test('pivot-ratings refuses a dense pivot above maxCells, with the sizes', async () => {
  const run = runStage(pivotRatings, { params: { maxCells: 11 },
    inputs: { dataset: await dataset() } });
  const error = await run.then(() => undefined, (e: Error) => e);
  assert.instance(error, PivotTooLargeError);
  assert.match(String(error?.message), '3 x 4 = 12 cells exceeds maxCells 11');
});

test.run();
