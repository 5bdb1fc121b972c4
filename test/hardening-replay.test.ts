import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../src/core/input-error.ts';
import { readEventsFile } from '../src/ui/read-events-file.ts';

async function eventsFile(text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'replay-')), 'events.jsonl');
  await writeFile(file, text);
  return file;
}

async function failure(file: string): Promise<InputError> {
  const error = await readEventsFile(file).catch((caught: unknown) => caught);
  assert.instance(error, InputError);
  return error as InputError;
}

test('an empty events file is an error, not a blank replay that exits 0', async () => {
  const file = await eventsFile('');
  const error = await failure(file);
  assert.equal([error.file, error.line], [file, 1]);
  assert.is(error.expected, 'at least the run-started event');
});

test('a file holding only a line cut short by a kill is an error too', async () => {
  const error = await failure(await eventsFile('{"type":"run-sta'));
  assert.is(error.received, 'no events (the run stopped before writing any)');
});

test('one whole event is enough', async () => {
  const started = { type: 'run-started', runId: 'r', pipeline: 'p', nodes: [], at: 5 };
  const events = await readEventsFile(await eventsFile(`${JSON.stringify(started)}\n`));
  assert.equal(events, [started]);
});

test.run();
