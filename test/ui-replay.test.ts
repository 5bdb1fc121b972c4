import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { InputError } from '../src/core/input-error.ts';
import { readEventsFile } from '../src/ui/read-events-file.ts';
import { replayRun } from '../src/ui/replay-run.ts';
import { resolveRunDir } from '../src/ui/resolve-run-dir.ts';
import { endEvents, midRunEvents } from './ui-script.ts';

/** Collects what a renderer writes; `columns` lets Ink lay out as on a 100-column terminal. */
class Capture extends Writable {
  text = '';
  columns = 100;
  rows = 40;

  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const events: RunEvent[] = [...midRunEvents(), ...endEvents()];
let artifacts = '';

test.before(async () => {
  artifacts = await mkdtemp(path.join(tmpdir(), 'ui-replay-'));
  const runDir = path.join(artifacts, 'runs', 'run-1');
  await mkdir(runDir, { recursive: true });
  await writeFile(path.join(runDir, 'events.jsonl'),
    events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  await symlink('run-1', path.join(artifacts, 'runs', 'latest'));
});

test.after(async () => {
  await rm(artifacts, { recursive: true, force: true });
});

test('events.jsonl reads back as the events that were written', async () => {
  const read = await readEventsFile(path.join(artifacts, 'runs', 'run-1', 'events.jsonl'));
  assert.equal(read, events);
});

test('latest follows the symlink; an id names its folder; a path is refused', async () => {
  const byId = await resolveRunDir(artifacts, 'run-1');
  assert.is(await resolveRunDir(artifacts), byId);
  assert.is(path.basename(byId), 'run-1');

  await assertInputError(() => resolveRunDir(artifacts, '../elsewhere'), 'expected a run id');
  await assertInputError(() => resolveRunDir(artifacts, 'run-2'), 'run-2: expected a run folder');
});

test('latest may be a file holding the run id', async () => {
  const other = await mkdtemp(path.join(tmpdir(), 'ui-replay-file-'));
  await mkdir(path.join(other, 'runs', 'abc'), { recursive: true });
  await writeFile(path.join(other, 'runs', 'latest'), 'abc\n');
  assert.is(path.basename(await resolveRunDir(other)), 'abc');
  await rm(other, { recursive: true, force: true });
});

test('a bad line is reported with its file and line number', async () => {
  const file = path.join(artifacts, 'bad.jsonl');
  await writeFile(file, `${JSON.stringify(events[0])}\n\n{"type":"nonsense","at":1}\n`);
  await assertInputError(() => readEventsFile(file), 'bad.jsonl:3: type: expected a run or node');

  await writeFile(file, `${JSON.stringify(events[0])}\n{"type":"log",\n`);
  await assertInputError(() => readEventsFile(file), 'bad.jsonl:2: expected a JSON event');
});

test('a last line cut short by a killed run is left out, the rest replays', async () => {
  const file = path.join(artifacts, 'killed.jsonl');
  await writeFile(file, `${JSON.stringify(events[0])}\n${JSON.stringify(events[1])}\n{"ty`);
  assert.equal(await readEventsFile(file), events.slice(0, 2));
});

test('replay without a terminal prints the plain log and the final table', async () => {
  const out = new Capture();
  await replayRun({ artifactsDir: artifacts, run: 'latest', interactive: false, out });

  assert.match(out.text, '[00:00] run run-1: pipeline tiny, 8 nodes, backend wasm\n');
  assert.match(out.text, 'split[u3] FAILED: u3.base:7');
  assert.match(out.text, 'mf     u2     0.9408  0.7410\n');
  assert.not.match(out.text, /\x1b\[/);
});

test('replay through the Ink UI ends on the final state and resolves', async () => {
  const out = new Capture();
  await replayRun({ artifactsDir: artifacts, run: 'run-1', interactive: true, out });
  const text = out.text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

  assert.match(text, /u1 ✔ u2 ⊘ u3 · 1\/3/);
  assert.match(text, /mf {5}u2 {5}0\.9408 {2}0\.7410/);
  assert.match(text, 'run failed after 10.4s: 1 node failed');
  assert.not.match(text, 'epoch 3/10 ');
});

async function assertInputError(action: () => Promise<unknown>, message: string) {
  try {
    await action();
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected an InputError with "${message}"`);
}

test.run();
