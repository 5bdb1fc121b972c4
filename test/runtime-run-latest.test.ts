import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RunRecorder } from '../src/runtime/run-recorder.ts';

let runsDir = '';

test.before(async () => {
  runsDir = join(await mkdtemp(join(tmpdir(), 'run-latest-')), 'runs');
});

test.after(async () => {
  await rm(join(runsDir, '..'), { recursive: true, force: true });
});

test('runs/latest points at a run from its start, so its events can be followed', async () => {
  const first = await RunRecorder.create(runsDir, 'one', new Date(Date.UTC(2024, 0, 1)));
  assert.is(await readlink(join(runsDir, 'latest')), first.runId);

  first.record({ type: 'log', node: 'a', level: 'info', message: 'hello', at: 1 });
  const events = await readFile(join(runsDir, 'latest', 'events.jsonl'), 'utf8');
  assert.is(JSON.parse(events.trim()).message, 'hello');

  // A second run started while the first one runs is the newest: latest follows it and
  // stays there when the first one finishes.
  const second = await RunRecorder.create(runsDir, 'two', new Date(Date.UTC(2024, 0, 2)));
  assert.is(await readlink(join(runsDir, 'latest')), second.runId);
  await first.writeResults({ ok: true });
  first.close();
  assert.is(await readlink(join(runsDir, 'latest')), second.runId);
  second.close();
});

test.run();
