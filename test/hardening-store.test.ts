import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../src/cli/run-cli.ts';
import { withStoreAccess } from '../src/runtime/store-access-error.ts';
import { InputError } from '../src/core/input-error.ts';
import { pipelines, registryModule, stages } from './runtime-toy-stages.ts';

/** Runs the CLI in this process with the test-only stages, capturing both streams. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({
    write(chunk, _, done) {
      append(String(chunk));
      done();
    },
  });
  const code = await runCli(argv, { stages, pipelines, registryModule,
    stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}

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
