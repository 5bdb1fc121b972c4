import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { explore } from '../src/stages/explore.ts';
import { ingestMovieLens100k, runStage } from './analysis-fixture.ts';

// The whole pipeline's analysis on the MovieLens 100K mirror: ingest, then explore.
const report = (async () => {
  const dataset = await ingestMovieLens100k();
  const { outputs, emissions } = await runStage(explore, { inputs: { dataset } });
  return { directory: outputs.report, emissions };
})();

const read = async (name: string) => readFile(path.join((await report).directory, name), 'utf8');

test('the ten most-rated titles, grouped by title, match the published counts', async () => {
  const rows = JSON.parse(await read('most-rated-titles.json')) as
    { title: string; ratings: number }[];
  assert.equal(rows.map((row) => [row.title, row.ratings]), [
    ['Star Wars (1977)', 583],
    ['Contact (1997)', 509],
    ['Fargo (1996)', 508],
    ['Return of the Jedi (1983)', 507],
    ['Liar Liar (1997)', 485],
    ['English Patient, The (1996)', 481],
    ['Scream (1996)', 478],
    ['Toy Story (1995)', 452],
    ['Air Force One (1997)', 431],
    ['Independence Day (ID4) (1996)', 429],
  ]);
  assert.match(await read('report.md'), '| 1 | Star Wars (1977) | 583 | 4.36 | 50 |');
});

test('Latin-1 titles arrive intact: item 543 is "Misérables, Les (1995)"', async () => {
  const titles = JSON.parse(await read('titles.json')) as { title: string; itemIds: string[] }[];
  const item543 = titles.find((row) => row.itemIds.map(String).includes('543'));
  assert.is(item543?.title, 'Misérables, Les (1995)');
  assert.match(await read('titles.csv'), '"Misérables, Les (1995)"');
});

test('headline numbers and the user sections of the real data', async () => {
  const { emissions } = await report;
  const summary = emissions.find((emission) => emission.type === 'summary');
  assert.ok(summary && summary.type === 'summary');
  assert.is(summary.data.users, 943);
  assert.is(summary.data.items, 1682);
  assert.is(summary.data.ratings, 100000);
  assert.is(summary.data.density, '6.30%');
  assert.is(summary.data.mostRated, 'Star Wars (1977) 583; Contact (1997) 509; Fargo (1996) 508');

  const markdown = await read('report.md');
  assert.match(markdown, '![Mean rating by occupation](mean-rating-by-occupation.png)');
  assert.match(markdown, '| healthcare | 2.90 | 2,804 |');
  const raw = JSON.parse(await read('best-rated-raw.json')) as { ratings: number }[];
  assert.ok(raw[0].ratings <= 3, 'a title with a handful of votes tops the raw list');
  const damped = JSON.parse(await read('best-rated-damped.json')) as { ratings: number }[];
  assert.ok(damped.every((row) => row.ratings >= 50), 'the damped list holds well-rated films');
});

test.run();
