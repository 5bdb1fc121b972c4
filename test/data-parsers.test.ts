import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDatasetMeta } from '../src/data/dataset-meta.ts';
import { loadTable } from '../src/data/load-table.ts';
import { readItems } from '../src/data/read-items.ts';
import { readUsers } from '../src/data/read-users.ts';
import { readRatingsCsv } from '../src/data/ratings-csv.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { buildZip, runStage, small100k, writeFixture } from './data-fixtures.ts';

async function ingest(files: Record<string, string | Buffer>, params = {}) {
  const data = await writeFixture(files);
  const { events, outputs } = await runStage(ingestMovielens, { params, run: { dataPath: data } });
  return { events, dir: outputs.dataset };
}

test('100K: tab ratings, Latin-1 titles, genres, users, dense ids and a split', async () => {
  const { dir, events } = await ingest(small100k());
  const meta = await readDatasetMeta(dir);
  assert.is(meta.layout, 'ml-100k');
  assert.equal(meta.counts, { users: 3, items: 4, ratings: 5, unratedItems: 0,
    ratingsOfUnlistedItems: 0 });
  assert.equal(meta.genres, ['unknown', 'Action', 'Comedy']);
  assert.equal(meta.officialSplits, ['u1']);

  const items = await readItems(dir);
  assert.is(items[2].title, 'Misérables, Les (1995)');
  assert.is(items[2].itemId, 7);
  assert.equal(items[0].genres, ['Comedy']);
  assert.is(items[3].year, null);

  const users = await readUsers(dir);
  assert.equal(users.map((u) => u.userId), [1, 2, 5]);
  assert.is(users[2].zip, 'T8H1N');

  const ratings = await readRatingsCsv(join(dir, 'ratings.csv'));
  assert.equal([...ratings.user], [0, 0, 1, 2, 2]);
  assert.equal([...ratings.item], [0, 1, 2, 0, 3]);
  const test1 = await readRatingsCsv(join(dir, 'splits', 'u1.test.csv'));
  assert.equal([...test1.item], [1, 3]);
  const summary = events.find((e) => e.type === 'summary');
  assert.is(summary?.type === 'summary' && summary.data.ratings, 5);
});

test('1M: double-colon separators, Latin-1, colons inside titles, occupation codes', async () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const { dir } = await ingest({
    'ratings.dat': '1::10::5::978300760\n1::20::3::978302109\n6040::10::4::956703932\n',
    'movies.dat': latin1('10::Star Wars: Episode IV (1977)::Action|Sci-Fi\n' +
      '20::Cité des enfants perdus, La (1995)::Adventure|Sci-Fi\n'),
    'users.dat': '1::F::1::10::48067\n6040::M::25::6::11106\n',
  });
  const meta = await readDatasetMeta(dir);
  assert.is(meta.layout, 'ml-1m');
  assert.equal(meta.genres, ['Action', 'Adventure', 'Sci-Fi']);

  const items = await readItems(dir);
  assert.is(items[0].title, 'Star Wars: Episode IV (1977)');
  assert.is(items[1].title, 'Cité des enfants perdus, La (1995)');
  const users = await readUsers(dir);
  assert.is(users[0].occupation, 'K-12 student');
  assert.is(users[1].occupation, 'doctor/health care');
  assert.is(users[1].age, 25);
});

test('latest: header, quoted titles with commas, half stars, gaps in ids', async () => {
  const { dir } = await ingest({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n' +
      '1,193609,0.5,964981247\n608,1,3.5,964982224\n',
    'movies.csv': 'movieId,title,genres\n1,Toy Story (1995),Adventure|Comedy\n' +
      '50,"Usual Suspects, The (1995)",Crime|Mystery\n' +
      '193609,"Say ""Hello"", World (2018)",(no genres listed)\n',
  });
  const meta = await readDatasetMeta(dir);
  assert.equal(meta.ratingScale, { min: 0.5, max: 5, step: 0.5 });
  assert.equal(meta.counts.items, 3);
  assert.is(meta.counts.unratedItems, 1);

  const items = await readItems(dir);
  assert.equal(items.map((i) => i.itemId), [1, 50, 193609]);
  assert.is(items[1].title, 'Usual Suspects, The (1995)');
  assert.is(items[2].title, 'Say "Hello", World (2018)');
  assert.equal(items[2].genres, []);

  const ratings = await readRatingsCsv(join(dir, 'ratings.csv'));
  assert.equal([...ratings.rating], [4, 0.5, 3.5]);
  assert.equal([...ratings.item], [0, 2, 0]);
  assert.equal([...ratings.user], [0, 0, 1]);
  const users = await readUsers(dir);
  assert.equal(users.map((u) => [u.userId, u.age, u.gender]), [[1, null, ''], [608, null, '']]);
});

test('the layout can be forced, and a quoted comma survives loadTable', async () => {
  const { dir } = await ingest({
    'ratings.csv': 'userId,movieId,rating,timestamp\n3,5,2.5,1\n',
    'movies.csv': 'movieId,title,genres\n5,"Good, the Bad (1966)",Western\n',
  }, { layout: 'latest' });
  const items = await loadTable(join(dir, 'items.csv'));
  assert.is(items.get('title', 0), 'Good, the Bad (1966)');
  assert.is(items.get('year', 0), 1966);
  const text = await readFile(join(dir, 'items.csv'), 'utf8');
  assert.ok(text.includes('"Good, the Bad (1966)"'));
});

test('a zip given as --data is unpacked and read', async () => {
  const entries = Object.entries(small100k())
    .map(([name, content]) => [`ml-100k/${name}`, content]);
  const files = Object.fromEntries(entries);
  const zipDir = await writeFixture({ 'ml-100k.zip': buildZip(files) });
  const { outputs } = await runStage(ingestMovielens,
    { run: { dataPath: join(zipDir, 'ml-100k.zip') } });
  const items = await readItems(outputs.dataset);
  assert.is(items[2].title, 'Misérables, Les (1995)');
});

test.run();
