import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { datasetFolder } from '../src/data/dataset-folder.ts';
import { extractZip } from '../src/data/zip-reader.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import {
  buildZip, ingestFailure, runSettings, runStage, small100k, tempDir, writeFixture,
} from './data-fixtures.ts';

async function ingestedItems(files: Record<string, string | Buffer>): Promise<string[]> {
  const data = await writeFixture(files);
  const { outputs } = await runStage(ingestMovielens, { run: { dataPath: data } });
  return (await readFile(join(outputs.dataset, 'items.csv'), 'utf8')).trim().split('\n');
}

const latestMovies = 'movieId,title,genres\n1,A (1999),Drama\n';

test('an id beyond 32 bits is refused, not wrapped round onto another user', async () => {
  const error = await ingestFailure(
    small100k({ 'u.data': '1\t1\t5\t100\n4294967297\t2\t3\t101\n' }));
  assert.equal([error.file, error.line, error.field, error.received],
    ['u.data', 2, 'user id', '4294967297']);
  assert.is(error.expected, 'an id of at most 2147483647');
});

test('the largest 32-bit id is still read', async () => {
  const items = await ingestedItems({
    'ratings.csv': 'userId,movieId,rating,timestamp\n2147483647,1,4.0,9\n',
    'movies.csv': latestMovies,
  });
  assert.is(items[1], '0,1,A (1999),1999,Drama');
});

test('a Latin-1 file re-saved as UTF-8 with a byte-order mark keeps its accents', async () => {
  const files = small100k();
  const utf8Item = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from((files['u.item'] as Buffer).toString('latin1'), 'utf8')]);
  const items = await ingestedItems({ ...files, 'u.item': utf8Item });
  assert.is(items[1], '0,1,Toy Story (1995),1995,Comedy');
  assert.is(items[3], '2,7,"Misérables, Les (1995)",1995,');
});

test('after a quoted title spanning lines, errors name the physical line', async () => {
  const error = await ingestFailure({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': 'movieId,title,genres\n1,"Multi\nline\ntitle (1995)",Comedy\n2,B,Drama\n' +
      'abc,C,Drama\n',
  });
  assert.equal([error.file, error.line, error.field, error.received],
    ['movies.csv', 6, 'movieId', 'abc']);
});

test('a title spanning lines is read as one line of text', async () => {
  const items = await ingestedItems({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': 'movieId,title,genres\n1,"Two \r\n lines, (1995)",Comedy\n',
  });
  assert.equal(items.slice(1), ['0,1,"Two lines, (1995)",1995,Comedy']);
});

test('blank lines before the header row do not hide it', async () => {
  const items = await ingestedItems({
    'ratings.csv': '\n\nuserId,movieId,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': latestMovies,
  });
  assert.is(items.length, 2);
});

test('a wrong header after blank lines names its own line', async () => {
  const error = await ingestFailure({
    'ratings.csv': '\nuser,movie,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': latestMovies,
  });
  assert.equal([error.file, error.line], ['ratings.csv', 2]);
});

test('a zip with a path-traversal entry writes nothing, not even its good entries', async () => {
  const dir = await tempDir();
  const zip = join(dir, 'evil.zip');
  await writeFile(zip, buildZip({ 'ml/u.data': '1\t1\t5\t1\n', '../evil': 'x' }));
  const into = join(dir, 'into');
  await mkdir(into);

  const error = await extractZip(zip, into).catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  assert.match((error as InputError).received ?? '', '../evil');
  assert.equal(await readdir(into), []);
  assert.equal((await readdir(dir)).sort(), ['evil.zip', 'into']);
});

test('a --data zip that fails to unpack leaves no temporary folder behind', async () => {
  const dir = await tempDir();
  const zip = join(dir, 'evil.zip');
  await writeFile(zip, buildZip({ 'u.data': '1\t1\t5\t1\n', 'sub/../../evil': 'x' }));
  const privateTmp = join(dir, 'tmp');
  await mkdir(privateTmp);

  const previous = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    const error = await datasetFolder(runSettings({ dataPath: zip }), 'ml-100k')
      .catch((caught: unknown) => caught);
    assert.instance(error, InputError);
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  assert.equal(await readdir(privateTmp), []);
});

test('an item listed twice names both lines instead of keeping the last title', async () => {
  const error = await ingestFailure({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': 'movieId,title,genres\n1,A (1999),Drama\n2,B (1998),Drama\n1,C (1997),Drama\n',
  });
  assert.equal([error.file, error.line, error.field, error.received],
    ['movies.csv', 4, 'movieId', '1']);
  assert.is(error.expected, 'an id not listed before (line 2 lists it)');
});

test('a user listed twice in u.user, and an item twice in u.item, are named too', async () => {
  const users = await ingestFailure(small100k({ 'u.user': '1|24|M|student|1\n1|30|F|writer|2\n' }));
  assert.equal([users.file, users.line, users.field], ['u.user', 2, 'user id']);

  const twice = Buffer.concat([small100k()['u.item'] as Buffer,
    Buffer.from('2|Again (1995)|01-Jan-1995||http://x|0|1|0\n')]);
  const items = await ingestFailure(small100k({ 'u.item': twice }));
  assert.equal([items.file, items.line, items.expected],
    ['u.item', 5, 'an id not listed before (line 2 lists it)']);
});

test('--data naming a single data file says to pass its folder', async () => {
  const dir = await writeFixture(small100k());
  const error = await runStage(ingestMovielens, { run: { dataPath: join(dir, 'u.data') } })
    .catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  assert.equal([(error as InputError).file, (error as InputError).field,
    (error as InputError).received], [join(dir, 'u.data'), '--data', 'a file that is not a zip']);
  assert.match((error as InputError).expected, 'pass the folder that holds it');
});

test('an empty file given as --data is not taken for a zip either', async () => {
  const dir = await writeFixture({ 'data.zip': '' });
  const error = await datasetFolder(runSettings({ dataPath: join(dir, 'data.zip') }), 'ml-100k')
    .catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  assert.is((error as InputError).received, 'a file that is not a zip');
});

test('a real zip given as --data is still unpacked and read', async () => {
  const dir = await tempDir();
  const zip = join(dir, 'ml.zip');
  await writeFile(zip, buildZip(Object.fromEntries(Object.entries(small100k())
    .map(([name, content]) => [`ml-100k/${name}`, content]))));
  const { outputs } = await runStage(ingestMovielens, { run: { dataPath: zip } });
  const meta = JSON.parse(await readFile(join(outputs.dataset, 'meta.json'), 'utf8'));
  assert.equal([meta.layout, meta.counts.ratings, meta.counts.users], ['ml-100k', 5, 3]);
});

test('u.genre indices count up from 0: a gap or huge index is named, not allocated', async () => {
  const gap = await ingestFailure(
    small100k({ 'u.genre': 'unknown|0\nAction|1\nComedy|99999999\n' }));
  assert.equal([gap.file, gap.line, gap.field, gap.received],
    ['u.genre', 3, 'index', '99999999']);
  assert.is(gap.expected, 'genre index 2 (indices count up from 0 in order)');

  const repeated = await ingestFailure(small100k({ 'u.genre': 'unknown|0\nAction|0\n' }));
  assert.equal([repeated.line, repeated.received], [2, '0']);

  const blank = await ingestFailure(small100k({ 'u.genre': '\n\n' }));
  assert.equal([blank.file, blank.expected], ['u.genre', 'at least one genre|index line']);
});

test('ratings are plain decimals: hex and exponent forms are refused', async () => {
  for (const text of ['0x5', '4e0', '5.', '.5']) {
    const error = await ingestFailure(small100k({ 'u.data': `1\t1\t${text}\t100\n` }));
    assert.equal([error.line, error.field, error.received], [1, 'rating', text]);
  }
  const items = await ingestedItems({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,9\n1,2, 3.5 ,9\n',
    'movies.csv': 'movieId,title,genres\n1,A (1999),Drama\n2,B (1999),Drama\n',
  });
  assert.is(items.length, 3);
});

test('a folder where a data file should be is named, not an EISDIR', async () => {
  const dir = await writeFixture(small100k());
  await rm(join(dir, 'u.user'));
  await mkdir(join(dir, 'u.user'));
  const error = await runStage(ingestMovielens, { run: { dataPath: dir } })
    .catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  assert.equal([(error as InputError).file, (error as InputError).expected,
    (error as InputError).received], ['u.user', 'a file', 'a folder']);
});

test.run();
