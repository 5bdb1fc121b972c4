import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDatasetMeta } from '../src/data/dataset-meta.ts';
import { readItems } from '../src/data/read-items.ts';
import { readRatingsCsv } from '../src/data/ratings-csv.ts';
import type { SplitMeta } from '../src/preprocess/split-meta.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { splitOfficial } from '../src/stages/split-official.ts';
import { runStage } from './data-fixtures.ts';
import { readFile } from 'node:fs/promises';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const mirror = resolve(repoRoot, '../shared/data/ml-100k');
let dataset = '';

test.before(async () => {
  const { outputs } = await runStage(ingestMovielens, { run: { dataPath: mirror } });
  dataset = outputs.dataset;
});

test('the mirror reads as 943 users, 1682 items, 100,000 ratings', async () => {
  const meta = await readDatasetMeta(dataset);
  assert.is(meta.layout, 'ml-100k');
  assert.equal([meta.counts.users, meta.counts.items, meta.counts.ratings], [943, 1682, 100000]);
  assert.equal(meta.officialSplits, ['u1', 'u2', 'u3', 'u4', 'u5', 'ua', 'ub']);
});

test('Latin-1 titles are decoded: item 543 and the unknown item 267', async () => {
  const items = await readItems(dataset);
  const byId = new Map(items.map((item) => [item.itemId, item]));
  assert.is(byId.get(543)?.title, 'Misérables, Les (1995)');
  assert.is(byId.get(267)?.title, 'unknown');
  assert.is(byId.get(267)?.year, null);
  assert.not.ok(items.some((item) => item.title.includes('\ufffd')));
});

test('u1 is 80,000 / 20,000 and its validation part comes from the base', async () => {
  const { outputs } = await runStage(splitOfficial, { params: { name: 'u1' },
    inputs: { dataset } });
  const meta = JSON.parse(await readFile(join(outputs.split, 'meta.json'), 'utf8')) as SplitMeta;
  assert.is(meta.counts.train + meta.counts.validation, 80000);
  assert.is(meta.counts.test, 20000);
  assert.ok(meta.counts.validation > 7000 && meta.counts.validation < 9000);
  assert.is(meta.coldStart.test.users, 0);
  assert.ok(meta.coldStart.test.items > 0);
});

test('ua holds exactly 10 test ratings per user', async () => {
  const test = await readRatingsCsv(join(dataset, 'splits', 'ua.test.csv'));
  const perUser = new Map<number, number>();
  for (const user of test.user) perUser.set(user, (perUser.get(user) ?? 0) + 1);
  assert.is(test.user.length, 9430);
  assert.is(perUser.size, 943);
  assert.ok([...perUser.values()].every((count) => count === 10));
});

test.run();
