import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli as captured } from './toy-cli.ts';

/** The exit code and the first line on stderr of the CLI with the test-only stages. */
async function cli(...argv: string[]) {
  const { code, stderr } = await captured(...argv);
  return { code, firstLine: stderr.split('\n')[0] };
}

test('a negative value says how to pass it, on one line, with the value given', async () => {
  const seed = await cli('status', 'toy', '--seed', '-1');
  assert.is(seed.code, 2);
  assert.is(seed.firstLine, 'recommender: --seed: expected a value, got "-1", which reads ' +
    'as an option (to pass it, write --seed=-1)');

  const written = await cli('status', 'toy', '--seed=-1');
  assert.is(written.firstLine, 'recommender: --seed: expected a non-negative integer, got "-1"');
});

test('a short option gets the long form that works', async () => {
  const count = await cli('recommend', '--user', '1', '-n', '-3');
  assert.is(count.code, 2);
  assert.is(count.firstLine, 'recommender: -n: expected a value, got "-3", which reads as an ' +
    'option (to pass it, write --n=-3)');

  const written = await cli('recommend', '--user', '1', '--n=-3');
  assert.is(written.firstLine, 'recommender: -n: expected a whole number of at least 1, got "-3"');
});

test('other parse errors keep their first line', async () => {
  const missing = await cli('status', 'toy', '--seed');
  assert.is(missing.code, 2);
  assert.is(missing.firstLine, "recommender: Option '--seed <value>' argument missing");
});

test.run();
