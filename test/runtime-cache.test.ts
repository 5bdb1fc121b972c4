import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PipelineSpec } from '../src/runtime/pipeline-spec.ts';
import { calls } from './runtime-toy-stages.ts';
import { finished, nodesWith, plan, runAll, settings, tempStore } from './runtime-run-helper.ts';

function spec(factorOfB: number): PipelineSpec {
  return {
    name: 'cache',
    stages: [
      { id: 'source', uses: 'toy-source', with: { count: 4 } },
      { id: 'a', uses: 'toy-scale', with: { factor: 2 }, inputs: { numbers: 'source.numbers' } },
      { id: 'b', uses: 'toy-scale', with: { factor: factorOfB },
        inputs: { numbers: 'source.numbers' } },
      { id: 'sum', uses: 'toy-sum', inputs: { parts: ['a.numbers', 'b.numbers'] } },
    ],
  };
}

test('a rerun is served from the store and reports the stored summaries', async () => {
  const store = await tempStore();
  const first = await runAll(plan(spec(3)), store);
  assert.equal(nodesWith(first, 'node-finished'), ['a', 'b', 'source', 'sum']);
  // 1..4 doubled (20) plus 1..4 tripled (30).
  assert.equal(finished(first).results, { sum: { total: 50, parts: 2 } });

  calls.length = 0;
  const second = await runAll(plan(spec(3)), store);
  assert.equal(nodesWith(second, 'node-cached'), ['a', 'b', 'source', 'sum']);
  assert.equal(nodesWith(second, 'node-started'), []);
  assert.equal(calls, []);
  assert.equal(finished(second).results, { sum: { total: 50, parts: 2 } });
});

test('changing one parameter re-runs exactly that stage and what depends on it', async () => {
  const store = await tempStore();
  await runAll(plan(spec(3)), store);

  calls.length = 0;
  const changed = await runAll(plan(spec(5)), store);
  assert.equal(nodesWith(changed, 'node-started'), ['b', 'sum']);
  assert.equal(nodesWith(changed, 'node-cached'), ['a', 'source']);
  assert.equal(calls, ['toy-scale:5', 'toy-sum']);
  assert.equal(finished(changed).results, { sum: { total: 70, parts: 2 } });
});

test('a different seed is a different key; parameter order is not', async () => {
  const store = await tempStore();
  await runAll(plan(spec(3)), store);

  const reordered = spec(3);
  reordered.stages[0].with = { start: 1, count: 4 };
  const same = await runAll(plan(reordered), store);
  assert.equal(nodesWith(same, 'node-started'), []);

  const reseeded = await runAll(plan(spec(3)), store, { settings: { ...settings, seed: 8 } });
  assert.equal(nodesWith(reseeded, 'node-started'), ['a', 'b', 'source', 'sum']);
});

test('entries hold their outputs and a manifest; the run folder its log and results', async () => {
  const store = await tempStore();
  const events = await runAll(plan(spec(3)), store);
  const sum = events.find((event) => event.type === 'node-finished' && event.node === 'sum');
  const key = (sum as { key: string }).key;

  const manifest = JSON.parse(await readFile(join(store.entryDir(key), 'manifest.json'), 'utf8'));
  assert.is(manifest.stage, 'toy-sum');
  assert.is(manifest.node, 'sum');
  assert.is(manifest.inputs.length, 2);
  assert.equal(manifest.summary, { total: 50, parts: 2 });
  const total = await readFile(join(store.outputDir(key, 'report'), 'total.json'), 'utf8');
  assert.equal(JSON.parse(total), { total: 50 });

  const runId = finished(events).runId;
  assert.match(runId, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-cache$/);
  const logged = (await readFile(join(store.runsDir, 'latest', 'events.jsonl'), 'utf8'))
    .trim().split('\n').map((line) => JSON.parse(line).type);
  assert.is(logged[0], 'run-started');
  assert.is(logged.at(-1), 'run-finished');
  const results = JSON.parse(await readFile(join(store.runsDir, runId, 'results.json'), 'utf8'));
  assert.is(results.ok, true);
  assert.is(results.nodes.sum.status, 'finished');
  assert.equal(await readdir(store.tmpDir), []);
});

test.run();
