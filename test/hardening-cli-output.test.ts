import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './toy-cli.ts';

test('a run ends by naming the folder of each final output, which holds its files', async () => {
  const store = await mkdtemp(join(tmpdir(), 'cli-output-'));
  const { code, stdout } = await cli('run', 'toy', '--artifacts', store, '--no-ui');
  assert.is(code, 0);

  const match = /\noutputs:\n {2}sum report: (\S+)\n$/.exec(stdout);
  assert.ok(match, stdout);
  assert.ok(match![1].startsWith(join(store, 'entries')), match![1]);
  assert.equal(JSON.parse(await readFile(join(match![1], 'total.json'), 'utf8')), { total: 120 });

  const again = await cli('run', 'toy', '--artifacts', store, '--no-ui');
  assert.match(again.stdout, `\noutputs:\n  sum report: ${match![1]}\n`);
});

test('with --json the output folders stay out of stdout, which is one JSON document', async () => {
  const store = await mkdtemp(join(tmpdir(), 'cli-output-'));
  const { code, stdout, stderr } = await cli('run', 'toy', '--artifacts', store, '--json');
  assert.is(code, 0);
  assert.is(JSON.parse(stdout).ok, true);
  assert.not.match(stderr, 'outputs:');
});

test('a failed run names no outputs', async () => {
  const store = await mkdtemp(join(tmpdir(), 'cli-output-'));
  const file = join(store, 'fail.yaml');
  await writeFile(file, 'name: f\nstages:\n  - id: boom\n    uses: toy-fail\n');
  const { code, stdout } = await cli('run', file, '--artifacts', store, '--no-ui');
  assert.is(code, 1);
  assert.not.match(stdout, 'outputs:');
});

test('--json prints one document even when the pipeline is refused before any run', async () => {
  const store = await mkdtemp(join(tmpdir(), 'cli-output-'));
  const file = join(store, 'bad.yaml');
  await writeFile(file, 'name: b\nstages:\n  - id: s\n    uses: no-such-stage\n');
  const { code, stdout, stderr } = await cli('run', file, '--artifacts', store, '--json');
  assert.is(code, 1);

  const document = JSON.parse(stdout);
  assert.is(document.ok, false);
  assert.equal([document.error.name, document.error.file, document.error.line,
    document.error.field, document.error.received],
  ['InputError', file, 4, 'stages[0].uses', 'no-such-stage']);
  assert.is(stderr.split('\n')[0], `recommender: ${document.error.message}`);
});

test('status --json with a usage error still prints one document, and exits 2', async () => {
  const { code, stdout } = await cli('status', 'toy', '--seed', 'ten', '--json');
  assert.is(code, 2);
  assert.equal(JSON.parse(stdout), { ok: false, error: { name: 'UsageError',
    message: '--seed: expected a non-negative integer, got "ten"' } });
});

test('without --json a failure leaves stdout empty', async () => {
  const { code, stdout } = await cli('status', 'toy', '--seed', 'ten');
  assert.is(code, 2);
  assert.is(stdout, '');
});

test.run();
