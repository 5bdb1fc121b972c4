import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withStoreAccess } from '../src/runtime/store-access-error.ts';
import { InputError } from '../src/core/input-error.ts';
import { cli } from './toy-cli.ts';

/** A plain file where the user meant the artifact store to be. */
async function fileAsStore(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'store-')), 'not-a-folder');
  await writeFile(file, 'keep me\n');
  return file;
}

const expected = 'expected a folder this user can create and write (the artifact store)';

test('run with --artifacts on a file names the store and what it must be', async () => {
  const store = await fileAsStore();
  const result = await cli('run', 'toy', '--artifacts', store, '--no-ui');
  assert.is(result.code, 1);
  assert.is(result.stderr, `recommender: ${store}: --artifacts: ${expected}, ` +
    `got "a file stands where a folder should be: ${join(store, 'tmp')}"\n`);
  assert.is(await readFile(store, 'utf8'), 'keep me\n');
});

test('run with --artifacts below a file says the same', async () => {
  const store = join(await fileAsStore(), 'sub');
  const result = await cli('run', 'toy', '--artifacts', store, '--no-ui');
  assert.is(result.code, 1);
  assert.match(result.stderr, `recommender: ${store}: --artifacts: ${expected}`);
});

test('status and clean on a file report it the same way and leave the file alone', async () => {
  const store = await fileAsStore();
  const status = await cli('status', 'toy', '--artifacts', store);
  assert.is(status.code, 1);
  assert.match(status.stderr, `recommender: ${store}: --artifacts: ${expected}`);

  const clean = await cli('clean', '--artifacts', store);
  assert.is(clean.code, 1);
  assert.match(clean.stderr, `recommender: ${store}: --artifacts: ${expected}`);
  assert.is(await readFile(store, 'utf8'), 'keep me\n');
});

test('errors that are not about file access pass through unchanged', async () => {
  const original = new Error('a bug');
  const thrown = await withStoreAccess('/x', async () => {
    throw original;
  }).catch((error: unknown) => error);
  assert.is(thrown, original);

  const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/x/tmp' });
  const mapped = await withStoreAccess('/x', async () => {
    throw denied;
  }).catch((error: unknown) => error);
  assert.instance(mapped, InputError);
  assert.is((mapped as InputError).received, 'permission denied: /x/tmp');
});

test.run();
