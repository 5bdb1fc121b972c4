import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDatasetTables } from '../src/analysis/dataset-tables.ts';
import { InputError } from '../src/core/input-error.ts';
import { explore } from '../src/stages/explore.ts';
import { runStage, tempDirectory, tinyDataset, writeDataset } from './analysis-fixture.ts';

const userCharts = ['occupations', 'age-distribution', 'mean-rating-by-occupation',
  'mean-rating-by-gender'];
const dataCharts = ['rating-distribution', 'genre-frequency', 'genre-correlation',
  'most-rated-titles', 'best-rated-titles'];

async function exploreTiny(files = tinyDataset()) {
  const dataset = await writeDataset(await tempDirectory('dataset'), files);
  const { emissions, outputs } = await runStage(explore, {
    params: { priorWeight: 4, minRatings: 3 },
    inputs: { dataset },
  });
  const directory = outputs.report;
  const read = (name: string) => readFile(path.join(directory, name), 'utf8');
  return { emissions, directory, read, files: await readdir(directory) };
}

test('the stage writes every chart as SVG and PNG, the tables, and both reports', async () => {
  const { files, read } = await exploreTiny();
  for (const chart of [...dataCharts, ...userCharts]) {
    assert.ok(files.includes(`${chart}.svg`), `${chart}.svg`);
    assert.ok(files.includes(`${chart}.png`), `${chart}.png`);
  }
  for (const name of ['report.md', 'report.html', 'analysis.json', 'titles.csv',
    'most-rated-titles.json', 'mean-rating-by-occupation.csv']) {
    assert.ok(files.includes(name), name);
  }

  const markdown = await read('report.md');
  for (const chart of [...dataCharts, ...userCharts]) {
    assert.match(markdown, `](${chart}.png)`);
  }
  const html = await read('report.html');
  assert.is(html.match(/<svg /g)?.length, dataCharts.length + userCharts.length);
});

test('the report shows the titles, the threshold and the prior it used', async () => {
  const { read } = await exploreTiny();
  const markdown = await read('report.md');
  assert.match(markdown, '| 1 | Fargo (1996) | 4 | 4.25 | 20, 40 |');
  assert.match(markdown, 'Misérables, Les (1995)');
  assert.match(markdown, 'at least 3 ratings');
  assert.match(markdown, 'Damped mean = (4 x 3.60 + sum');
  assert.match(markdown, '(1 of these 4 have a single rating)');
  assert.match(markdown, 'from 3.33 (technician) to 4.50 (writer), a spread of 1.17 stars');

  const html = await read('report.html');
  assert.match(html, '<td>English Patient, The (1996)</td>');

  const csv = await read('most-rated-titles.csv');
  assert.is(csv.split('\n')[2], '2,"English Patient, The (1996)",3,3.6666666666666665,10');
});

test('the summary carries the headline numbers and the top three titles', async () => {
  const { emissions } = await exploreTiny();
  const summary = emissions.filter((emission) => emission.type === 'summary').at(-1);
  assert.ok(summary && summary.type === 'summary');
  assert.equal(summary.data, {
    layout: 'ml-100k',
    users: 4,
    items: 5,
    ratings: 10,
    density: '50.00%',
    meanRating: 3.6,
    mostRated: 'Fargo (1996) 4; English Patient, The (1996) 3; Twister (1996) 2',
    charts: 9,
    report: 'report.html, report.md',
  });

  const progress = emissions.filter((emission) => emission.type === 'progress');
  const last = progress.at(-1);
  assert.ok(last && last.type === 'progress' && last.done === last.total);
});

test('without user features the user sections are skipped, and the report says so', async () => {
  const files = tinyDataset();
  files.meta.layout = 'latest';
  files.users = 'user,userId,age,gender,occupation,zip\n0,1,,,,\n1,2,,,,\n2,3,,,,\n3,4,,,,\n';
  const { files: written, read, emissions } = await exploreTiny(files);

  for (const chart of userCharts) assert.not.ok(written.includes(`${chart}.svg`), chart);
  for (const chart of dataCharts) assert.ok(written.includes(`${chart}.svg`), chart);
  assert.match(await read('report.md'), 'The latest layout knows users only by id');
  assert.ok(emissions.some((emission) => emission.type === 'log' &&
    emission.message.includes('no user features')));
});

test('a missing file is an InputError naming it', async () => {
  const directory = await writeDataset(await tempDirectory('dataset'), tinyDataset());
  await rm(path.join(directory, 'items.csv'));
  try {
    await readDatasetTables(directory);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    const input = error as InputError;
    assert.is(input.file, path.join(directory, 'items.csv'));
    assert.is(input.received, 'ENOENT');
    assert.match(input.message, 'expected a dataset items.csv with a header row');
  }
});

test('a missing column is an InputError naming file, line 1 and the column', async () => {
  const files = tinyDataset();
  files.ratings = files.ratings.replace('user,item,rating,timestamp', 'user,item,stars,timestamp');
  const directory = await writeDataset(await tempDirectory('dataset'), files);
  try {
    await readDatasetTables(directory);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    const input = error as InputError;
    assert.is(input.file, path.join(directory, 'ratings.csv'));
    assert.is(input.line, 1);
    assert.is(input.field, 'rating');
    assert.is(input.received, 'user,item,stars,timestamp');
  }
});

test('a meta.json that is not JSON is an InputError', async () => {
  const directory = await writeDataset(await tempDirectory('dataset'), tinyDataset());
  await writeFile(path.join(directory, 'meta.json'), '{ "layout": ');
  try {
    await readDatasetTables(directory);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).file, path.join(directory, 'meta.json'));
    assert.is((error as InputError).expected, 'valid JSON');
  }
});

test.run();
