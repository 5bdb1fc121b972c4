import { Writable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../src/cli/run-cli.ts';
import { pipelines, registryModule, stages } from './runtime-toy-stages.ts';

/** Runs the CLI in this process with the test-only stages; returns the exit code and stderr. */
async function cli(...argv: string[]) {
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({
    write(chunk, _, done) {
      append(String(chunk));
      done();
    },
  });
  const code = await runCli(argv, { stages, pipelines, registryModule,
    stdout: sink(() => undefined), stderr: sink((text) => (stderr += text)) });
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
