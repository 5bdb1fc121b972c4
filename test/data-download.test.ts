import { createHash } from 'node:crypto';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { readDatasetMeta } from '../src/data/dataset-meta.ts';
import { downloadDataset } from '../src/data/download-dataset.ts';
import { locateDataset } from '../src/data/locate-dataset.ts';
import { officialSource } from '../src/data/official-datasets.ts';
import { readItems } from '../src/data/read-items.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';
import { buildZip, runStage, small100k, tempDir } from './data-fixtures.ts';

const zip = buildZip(Object.fromEntries(
  Object.entries(small100k()).map(([name, content]) => [`ml-100k/${name}`, content])));
const md5 = createHash('md5').update(zip).digest('hex');
let requests = 0;
let server: Server;
let base = '';

test.before(async () => {
  server = createServer((request, response) => {
    requests++;
    if (request.url !== '/movielens/ml-100k.zip') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': zip.length }).end(zip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/movielens/`;
});

test.after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (error instanceof InputError) return error;
  throw new Error(`expected an InputError, got ${String(error)}`);
}

test('the default source is GroupLens with its published MD5', () => {
  assert.equal(officialSource('ml-100k', {}), {
    url: 'https://files.grouplens.org/datasets/movielens/ml-100k.zip',
    md5: '0e33842e24a9c977be4e0107933c0723',
  });
  assert.is(officialSource('ml-1m', {}).md5, 'c4d9eecfca2ab87c1945afe126590906');
  assert.is(officialSource('ml-100k', { RECOMMENDER_DATA_URL: base }).url,
    `${base}ml-100k.zip`);
});

test('a download with the right MD5 is unpacked into the cache', async () => {
  const cacheDir = await tempDir();
  const dir = await downloadDataset({ url: `${base}ml-100k.zip`, md5, cacheDir, name: 'ml-100k' });
  assert.is(dir, join(cacheDir, 'ml-100k'));
  const title = await readFile(join(dir, 'ml-100k', 'u.item'), 'latin1');
  assert.match(title, 'Misérables, Les (1995)');
  assert.is((await readFile(join(dir, '.complete'), 'utf8')).trim(), `ml-100k:${md5}`);
  assert.equal((await readdir(cacheDir)).sort(), ['ml-100k', 'ml-100k.zip']);
});

test('a checksum mismatch is rejected and nothing is cached', async () => {
  const cacheDir = await tempDir();
  const wrong = '0e33842e24a9c977be4e0107933c0723';
  const error = await rejection(
    downloadDataset({ url: `${base}ml-100k.zip`, md5: wrong, cacheDir, name: 'ml-100k' }));
  assert.is(error.field, 'md5');
  assert.is(error.received, md5);
  assert.match(error.message, `expected the published checksum ${wrong}`);
  assert.match(error.message, 'not cached');
  assert.equal(await readdir(cacheDir), []);
});

test('an unreachable server says to pass --data', async () => {
  const cacheDir = await tempDir();
  const error = await rejection(downloadDataset({
    url: `${base}missing.zip`, md5, cacheDir, name: 'ml-100k' }));
  assert.is(error.received, 'HTTP 404');
  assert.match(error.message, 'pass --data <dir or zip>');
  assert.equal(await readdir(cacheDir), []);
});

test('ingest downloads once when nothing is found, then reads the cache', async () => {
  const cacheDir = await tempDir();
  const env = { RECOMMENDER_DATA_URL: base, RECOMMENDER_DATA_MD5: md5 };
  Object.assign(process.env, env);
  try {
    const before = requests;
    const first = await runStage(ingestMovielens, { run: { dataCacheDir: cacheDir } });
    assert.is((await readDatasetMeta(first.outputs.dataset)).origin, 'download');
    assert.is(requests, before + 1);

    const second = await runStage(ingestMovielens, { run: { dataCacheDir: cacheDir } });
    assert.is((await readDatasetMeta(second.outputs.dataset)).origin, 'cache');
    assert.is(requests, before + 1);
    assert.is((await readItems(second.outputs.dataset))[2].title, 'Misérables, Les (1995)');
  } finally {
    delete process.env.RECOMMENDER_DATA_URL;
    delete process.env.RECOMMENDER_DATA_MD5;
  }
});

test('a cache folder without its completion marker is not used', async () => {
  const cacheDir = await tempDir();
  await downloadDataset({ url: `${base}ml-100k.zip`, md5, cacheDir, name: 'ml-100k' });
  await rm(join(cacheDir, 'ml-100k', '.complete'));
  const location = await locateDataset(
    { dataCacheDir: cacheDir, seed: 1, concurrency: 1, backend: 'cpu' }, 'ml-100k');
  assert.is(location.origin, 'download');
  await access(join(cacheDir, 'ml-100k.zip'));
});

test.run();
