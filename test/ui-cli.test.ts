import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli } from './toy-cli.ts';

/** source -> a pretend trainer, with the pace given; nothing reads outside the temp folder. */
function pipelineFile(epochs: number, batches: number, batchDelayMs: number): string {
  return `name: ui-train
stages:
  - id: source
    uses: toy-source
    with: { count: 4 }
  - id: train
    uses: toy-train
    with: { epochs: ${epochs}, batches: ${batches}, batchDelayMs: ${batchDelayMs} }
    inputs: { numbers: source.numbers }
`;
}

let dir = '';

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ui-cli-'));
});

test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('with stdout piped, 10,000 batches make a short plain log with no escape code', async () => {
  const file = join(dir, 'many.yaml');
  await writeFile(file, pipelineFile(5, 2000, 0));

  const { code, stdout, stderr } = await startCli(
    ['run', file, '--artifacts', join(dir, 'many-store')]).done;
  assert.is(code, 0, stderr);

  const lines = stdout.trimEnd().split('\n');
  assert.not.match(stdout, /\x1b\[/);
  assert.ok(lines.length <= 30, `${lines.length} lines:\n${stdout}`);
  assert.is(lines.filter((line) => / train epoch \d\/5: loss/.test(line)).length, 5, stdout);
  assert.ok(lines.some((line) => /\] train done in /.test(line)), stdout);
  assert.ok(lines.some((line) => /\] run finished ok in /.test(line)), stdout);

  // The trainer's summary table, as plain text, then where the final output lives.
  assert.equal(lines.slice(-11, -3), [
    'train', 'epoch    loss', '-----  ------', '    1  1.0000', '    2  0.5000',
    '    3  0.3333', '    4  0.2500', '    5  0.2000',
  ]);
  assert.equal(lines.slice(-3, -1), ['', 'outputs:']);
  assert.match(lines.at(-1)!, /^ {2}train model: .*many-store\/entries\/[0-9a-f]{64}\/model$/);
});

test('SIGINT stops a training run cleanly and the rerun resumes from the cache', async () => {
  const file = join(dir, 'slow.yaml');
  // Ten epochs of 0.3 s: long enough to be stopped after the first, short enough to rerun.
  await writeFile(file, pipelineFile(10, 10, 30));
  const store = join(dir, 'slow-store');

  const first = startCli(['run', file, '--artifacts', store]);
  await first.waitForOutput(/\] train epoch 1\/10: loss/);
  first.child.kill('SIGINT');
  const stopped = await first.done;

  assert.is(stopped.code, 130, stopped.stderr);
  assert.match(stopped.stdout, /\] source done in /);
  assert.match(stopped.stdout, /\] train cancelled\n/);
  assert.not.match(stopped.stdout, /\] train done in /);
  assert.not.match(stopped.stdout, /\x1b\[/);

  // Same pipeline, same store: the finished stage is served from the cache, the cancelled
  // one runs again from the start and finishes.
  const second = await startCli(['run', file, '--artifacts', store, '--json']).done;
  assert.is(second.code, 0, second.stderr);
  const results = JSON.parse(second.stdout) as { nodes: Record<string, { status: string }> };
  assert.is(results.nodes.source.status, 'cached');
  assert.is(results.nodes.train.status, 'finished');
  assert.match(second.stderr, /\] source cached/);
});

test.run();
