import { readdir } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signals } from './runtime-toy-stages.ts';
import { finished, nodesWith, plan, runAll, tempStore } from './runtime-run-helper.ts';

const failing = plan({
  name: 'failing',
  stages: [
    { id: 'wait', uses: 'toy-wait' },
    { id: 'fail', uses: 'toy-fail', with: { delayMs: 50, message: 'disk on fire' } },
    { id: 'after', uses: 'toy-scale', inputs: { numbers: 'wait.numbers' } },
  ],
});

test('a failure stops the run with its error and cancels the running sibling', async () => {
  signals.length = 0;
  const store = await tempStore();
  const events = await runAll(failing, store);

  assert.is(signals.length, 1);
  assert.ok(signals[0].aborted, 'the sibling saw its signal abort');
  assert.equal(nodesWith(events, 'node-failed'), ['fail']);
  assert.equal(nodesWith(events, 'node-cancelled'), ['wait']);
  assert.equal(nodesWith(events, 'node-started'), ['fail', 'wait']);

  const end = finished(events);
  assert.is(end.ok, false);
  assert.is(end.error?.message, 'disk on fire');
  // Neither the failed node nor the cancelled one left an entry or a temporary folder.
  assert.equal(await store.keys(), []);
  assert.equal(await readdir(store.tmpDir), []);
});

test('aborting the run signal cancels running nodes and reports it', async () => {
  signals.length = 0;
  const store = await tempStore();
  const controller = new AbortController();
  const waiting = plan({ name: 'waiting', stages: [{ id: 'wait', uses: 'toy-wait' }] });
  setTimeout(() => controller.abort(), 100);
  const events = await runAll(waiting, store, { signal: controller.signal });

  assert.ok(signals[0].aborted);
  assert.equal(nodesWith(events, 'node-cancelled'), ['wait']);
  const end = finished(events);
  assert.is(end.ok, false);
  assert.is(end.error?.name, 'CancelledError');
  assert.equal(await readdir(store.tmpDir), []);
});

test('an InputError from a stage keeps its fields in run-finished', async () => {
  const store = await tempStore();
  const events = await runAll(plan({
    name: 'bad-input',
    stages: [{ id: 's', uses: 'toy-source' }, { id: 'f', uses: 'toy-fail',
      with: { inputError: true }, inputs: { numbers: 's.numbers' } }],
  }), store);
  assert.equal(nodesWith(events, 'node-finished'), ['s']);
  const { ok, error } = finished(events);
  assert.is(ok, false);
  assert.equal(error, { message: 'ratings.csv:3: rating: expected a number, got "x"',
    name: 'InputError', file: 'ratings.csv', line: 3, field: 'rating', expected: 'a number',
    received: 'x' });
  assert.equal((await store.keys()).length, 1, 'the finished node keeps its entry');
});

test.run();
