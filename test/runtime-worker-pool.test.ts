import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray, type Subscription } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StageEmission } from '../src/core/events.ts';
import { WorkerPool } from '../src/runtime/worker-pool.ts';
import { registryModule } from './runtime-pool-stages.ts';
import { finished, plan, runAll, settings, tempStore } from './runtime-run-helper.ts';

const options = { registryModule, progressIntervalMs: 100, graceMs: 300 };

function context(params: Record<string, unknown>) {
  return { params, inputs: {}, outputs: {}, run: settings };
}

async function threadOf(pool: WorkerPool, params: Record<string, unknown> = {}) {
  const emissions = await lastValueFrom(
    pool.run('pool-thread', context(params)).emissions.pipe(toArray()));
  const summary = emissions.find((emission) => emission.type === 'summary');
  return (summary as Extract<StageEmission, { type: 'summary' }>).data.threadId as number;
}

test('six stages, two at a time, share at most two threads', async () => {
  const pool = new WorkerPool(options, 2);
  const ids = await Promise.all(Array.from({ length: 6 }, () => threadOf(pool)));
  await pool.close();

  const distinct = new Set(ids);
  assert.is(distinct.size, 2, `threads ${ids.join(',')}`);
  assert.ok(!distinct.has(0), 'never the main thread');
});

test('a pipeline of six heavy nodes uses no more threads than its concurrency', async () => {
  const events = await runAll(plan({
    name: 'many-heavy',
    stages: [
      { id: 'source', uses: 'toy-source', with: { count: 2 } },
      { id: 'heavy', uses: 'toy-heavy', forEach: { factor: [1, 2, 3, 4, 5, 6] },
        with: { factor: '${factor}' }, inputs: { numbers: 'source.numbers' } },
    ],
  }), await tempStore());

  assert.is(finished(events).ok, true);
  const threads = events.flatMap((event) => (event.type === 'node-finished'
    && event.node !== 'source' ? [(event.summary as { threadId: number }).threadId] : []));
  assert.is(threads.length, 6);
  assert.ok(new Set(threads).size <= 2 && !threads.includes(0), `threads ${threads.join(',')}`);
});

test('a stage error leaves its worker to run the next stage', async () => {
  const pool = new WorkerPool(options, 1);
  const failure = await threadOf(pool, { fail: true }).then(() => '', (e: Error) => e.message);
  const next = await threadOf(pool);
  await pool.close();

  assert.is(failure, `failed on thread ${next}`);
});

test('a stage that ignores abort is terminated, its worker replaced', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pool-'));
  const pool = new WorkerPool(options, 1);
  const first = await threadOf(pool);

  const stubborn = pool.run('pool-stubborn', context({ dir, delayMs: 1500 }));
  let subscription!: Subscription;
  await new Promise((started) => (subscription = stubborn.emissions.subscribe(started)));
  subscription.unsubscribe();
  const next = threadOf(pool);
  await stubborn.stopped();

  assert.is.not(await next, first, 'the next stage runs on a fresh thread');
  await new Promise((resolve) => setTimeout(resolve, 1800));
  assert.equal(await readdir(dir), [], 'the terminated stage never wrote its late file');
  await pool.close();
});

test.run();
