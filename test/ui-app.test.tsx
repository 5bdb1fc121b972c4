import { cleanup, render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { Subject } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { App } from '../src/ui/components/App.tsx';
import { RunView } from '../src/ui/components/RunView.tsx';
import { SPINNER_FRAMES } from '../src/ui/components/Spinner.tsx';
import { reduceEvent } from '../src/ui/reduce-event.ts';
import { initialViewState, type ViewState } from '../src/ui/view-state.ts';
import { endEvents, midRunEvents, T0 } from './ui-script.ts';

// Colours depend on the environment (the suite runner forces them): compare the text alone.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function renderText(tree: ReactElement) {
  const instance = render(tree);
  return { ...instance, lastFrame: () => (instance.lastFrame() ?? '').replace(ANSI, '') };
}

function fold(events: RunEvent[]): ViewState {
  return events.reduce(reduceEvent, initialViewState());
}

/** Ink draws asynchronously: wait until a frame satisfies `check`, or fail with the last one. */
async function waitForFrame(
  lastFrame: () => string | undefined,
  check: (frame: string) => boolean,
): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const frame = lastFrame() ?? '';
    if (check(frame)) return frame;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no matching frame; last one:\n${lastFrame()}`);
}

function rowOf(frame: string, name: string): string {
  return frame.split('\n').find((line) => line.includes(` ${name} `)) ?? '';
}

test('mid-run frame: cached, done, failed with its reason, running with a spinner', () => {
  const state = fold(midRunEvents());
  const { lastFrame, unmount } = renderText(<RunView state={state} now={T0 + 3000} live />);
  const frame = lastFrame()!;
  unmount();

  assert.match(rowOf(frame, 'ingest'), /↺ ingest .*cached ratings=100000 users=943/);
  assert.match(rowOf(frame, 'split'),
    /✖ split .*u1 ✔ u2 ↺ u3 ✖ 2\/3 \(1 cached\) · slowest 1\.2s/);
  assert.match(frame, 'split[u3]: u3.base:7: rating: expected 1 to 5, got "9"');
  const train = rowOf(frame, 'train-mf');
  assert.ok(SPINNER_FRAMES.some((spinner) => train.startsWith(spinner)), train);
  assert.match(train, /u1 [⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] u2 · u3 · 0\/3/);
  assert.match(rowOf(frame, 'report'), 'waiting');
  assert.match(frame, 'backend wasm');
});

test('a training node shows its epoch progress, rate, time left, losses and best epoch', () => {
  const state = fold(midRunEvents());
  const { lastFrame, unmount } = renderText(<RunView state={state} now={T0 + 3000} live />);
  const lines = lastFrame()!.split('\n');
  unmount();

  const bar = lines.find((line) => line.startsWith('train-mf[u1] epoch 3/10'))!;
  assert.ok(bar, lines.join('\n'));
  assert.match(bar, '████████░░░░░░░░░░░░  40%');
  assert.match(bar, '40/100 batches · 25.6k samples/s · 7.6s left');

  const losses = lines[lines.indexOf(bar) + 1];
  assert.match(losses, /loss 1\.000 {2}val 1\.200 {2}best epoch 2 {2}█▁/);
});

test('a finished run shows durations, cancelled nodes, the results table and the outcome', () => {
  const state = fold([...midRunEvents(), ...endEvents()]);
  const { lastFrame, unmount } = renderText(<RunView state={state} now={T0} live={false} />);
  const frame = lastFrame()!;
  unmount();

  assert.match(rowOf(frame, 'report'), /✔ report .*298ms/);
  assert.match(rowOf(frame, 'train-mf'), /u1 ✔ u2 ⊘ u3 · 1\/3/);
  assert.not.match(frame, 'epoch 3/10');
  assert.match(frame, /model {2}split {4}RMSE {5}MAE\n/);
  assert.match(frame, /mf {5}u2 {5}0\.9408 {2}0\.7410/);
  assert.match(frame, 'run failed after 10.4s: 1 node failed');
});

test('the app follows a live stream, cancels on Ctrl-C and exits when the stream ends',
  async () => {
    const events = new Subject<RunEvent>();
    let cancels = 0;
    const { lastFrame, stdin, unmount } = renderText(
      <App events={events} onCancel={() => (cancels += 1)} />);

    await waitForFrame(lastFrame, (frame) => frame.includes('waiting for the run to start'));
    for (const event of midRunEvents()) events.next(event);
    const running = await waitForFrame(lastFrame, (frame) => frame.includes('epoch 3/10'));
    assert.match(running, 'Ctrl-C to stop');

    stdin.write('\x03');
    const cancelling = await waitForFrame(lastFrame, (frame) => frame.includes('cancelling...'));
    assert.is(cancels, 1);
    assert.match(cancelling, '40/100 batches');

    events.next({ type: 'node-cancelled', node: 'train-mf[u1]', stage: 'train-mf', at: T0 + 9000 });
    events.next({ type: 'run-finished', runId: 'run-1', ok: false, durationMs: 9000,
      at: T0 + 9001, error: { message: 'cancelled' } });
    events.complete();
    const last = await waitForFrame(lastFrame, (frame) => frame.includes('run failed'));
    assert.match(rowOf(last, 'train-mf'), /u1 ⊘/);
    unmount();
  });

test('plain keys do not cancel', async () => {
  const events = new Subject<RunEvent>();
  let cancels = 0;
  const { lastFrame, stdin, unmount } = renderText(
    <App events={events} onCancel={() => (cancels += 1)} />);
  for (const event of midRunEvents()) events.next(event);
  await waitForFrame(lastFrame, (frame) => frame.includes('epoch 3/10'));

  stdin.write('c');
  stdin.write('q');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.is(cancels, 0);
  assert.not.match(lastFrame()!, 'cancelling');
  unmount();
});

// A failed assertion must not leave an Ink instance holding stdin and timers open.
test.after.each(() => cleanup());

test.run();
