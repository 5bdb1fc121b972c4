import { readFile, readdir } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { finished, nodesWith, plan, runAll, tempStore } from './runtime-run-helper.ts';

const heavy = (progressEvents: number) => plan({
  name: 'heavy',
  stages: [
    { id: 'source', uses: 'toy-source', with: { count: 3 } },
    { id: 'heavy', uses: 'toy-heavy', forEach: { factor: [3, 4] },
      with: { factor: '${factor}', progressEvents }, inputs: { numbers: 'source.numbers' } },
  ],
});

function summaries(events: RunEvent[]) {
  return events.flatMap((event) => (event.type === 'node-finished' && event.node !== 'source'
    ? [event.summary as { isMainThread: boolean; threadId: number }] : []));
}

async function outputOf(events: RunEvent[], node: string, store: { outputDir: Function }) {
  const done = events.find((event) => event.type === 'node-finished' && event.node === node);
  const dir = store.outputDir((done as { key: string }).key, 'numbers');
  return readFile(`${dir}/numbers.csv`, 'utf8');
}

test('heavy stages run in worker threads, two at once, progress thinned', async () => {
  const store = await tempStore();
  const events = await runAll(heavy(20_000), store);

  assert.is(finished(events).ok, true);
  const threads = summaries(events);
  assert.equal(threads.map((summary) => summary.isMainThread), [false, false]);
  assert.is.not(threads[0].threadId, threads[1].threadId);
  assert.is(await outputOf(events, 'heavy[4]', store), 'value\n4\n8\n12\n');

  // 20,000 per-batch emissions reach the run as a handful, ending with the final count.
  const progress = events.filter((event) => event.type === 'progress' && event.node === 'heavy[3]');
  assert.ok(progress.length >= 2 && progress.length < 100, `${progress.length} progress events`);
  assert.equal(progress.at(-1), { ...progress.at(-1), done: 20_000, total: 20_000 });
});

test('--no-workers runs the same stage in the main thread with the same output', async () => {
  const store = await tempStore();
  const events = await runAll(heavy(0), store, { workers: false });
  assert.equal(summaries(events).map((summary) => summary.isMainThread), [true, true]);
  assert.is(await outputOf(events, 'heavy[3]', store), 'value\n3\n6\n9\n');
});

test('a failing sibling stops a worker: its thread ends and no entry is left', async () => {
  const store = await tempStore();
  const events = await runAll(plan({
    name: 'stop-worker',
    stages: [
      { id: 'source', uses: 'toy-source' },
      { id: 'slow', uses: 'toy-heavy', with: { delayMs: 60_000 },
        inputs: { numbers: 'source.numbers' } },
      { id: 'fail', uses: 'toy-fail', with: { delayMs: 300 },
        inputs: { numbers: 'source.numbers' } },
    ],
  }), store, { workerGraceMs: 500 });

  assert.equal(nodesWith(events, 'node-cancelled'), ['slow']);
  assert.is(finished(events).error?.message, 'boom');
  assert.equal((await store.keys()).length, 1, 'only the source entry');
  assert.equal(await readdir(store.tmpDir), []);
});

test('a stage missing from the worker registry fails with a clear message', async () => {
  const store = await tempStore();
  const events = await runAll(heavy(0), store, {
    registryModule: new URL('./runtime-run-helper.ts', import.meta.url).href,
  });
  const message = finished(events).error?.message ?? '';
  assert.match(message, /^stage toy-heavy is not in file:.*runtime-run-helper\.ts$/);
});

test.run();
