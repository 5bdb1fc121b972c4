import { Writable } from 'node:stream';
import { concat, from, throwError } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { renderRun } from '../src/ui/render-run.ts';
import { endEvents, midRunEvents } from './ui-script.ts';

class Capture extends Writable {
  text = '';
  columns = 100;

  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

const failing = () => concat(from(midRunEvents()), throwError(() => new Error('stream broke')));

test('plain: a stream error rejects, after the lines seen so far', async () => {
  const out = new Capture();
  const error = await renderRun(failing(), { interactive: false, out, onCancel: () => {} })
    .then(() => undefined, (reason: Error) => reason);
  assert.is(error?.message, 'stream broke');
  assert.match(out.text, '[00:04] train-mf[u1] epoch 2/10: loss 1.000');
});

test('interactive: a stream error rejects once Ink has exited', async () => {
  const out = new Capture();
  const error = await renderRun(failing(), { interactive: true, out, onCancel: () => {} })
    .then(() => undefined, (reason: Error) => reason);
  assert.is(error?.message, 'stream broke');
  assert.match(out.text, 'train-mf');
});

test('plain progress lines honour the interval given to renderRun', async () => {
  const events: RunEvent[] = [...midRunEvents(), ...endEvents()];
  const out = new Capture();
  await renderRun(from(events), {
    interactive: false, out, onCancel: () => {}, plain: { progressIntervalMs: 100 },
  });
  // 240 batch reports 10 ms apart, at most one line per 100 ms: between 20 and 24.
  const progressLines = out.text.split('\n').filter((line) => line.includes('/100 batches'));
  assert.ok(progressLines.length >= 20 && progressLines.length <= 24, out.text);
});

test.run();
