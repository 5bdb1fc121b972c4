import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { reduceEvent } from '../src/ui/reduce-event.ts';
import { initialViewState, KEPT_LOG_LINES, type ViewState } from '../src/ui/view-state.ts';
import { endEvents, midRunEvents, progress, resultsTable, runStarted, T0 } from './ui-script.ts';

function fold(events: RunEvent[], state: ViewState = initialViewState()): ViewState {
  return events.reduce(reduceEvent, state);
}

test('run-started lists every planned node as waiting, in plan order', () => {
  const state = fold([runStarted]);
  assert.is(state.order.length, 8);
  assert.is(state.order[0], 'ingest');
  assert.is(state.order[7], 'report');
  assert.ok(state.order.every((id) => state.nodes[id].status === 'waiting'));
  assert.is(state.backend, 'wasm');
  assert.is(state.pipeline, 'tiny');
});

test('node events set cached, done with duration, failed with the reason', () => {
  const state = fold(midRunEvents());
  assert.is(state.nodes.ingest.status, 'cached');
  assert.equal(state.nodes.ingest.summary, { ratings: 100000, users: 943 });
  assert.is(state.nodes['split[u1]'].status, 'done');
  assert.is(state.nodes['split[u1]'].durationMs, 1200);
  assert.is(state.nodes['split[u3]'].status, 'failed');
  assert.match(state.nodes['split[u3]'].error!.message, 'expected 1 to 5');
  assert.is(state.nodes['train-mf[u1]'].status, 'running');
  assert.is(state.nodes['train-mf[u2]'].status, 'waiting');
});

test('progress keeps the latest count and restarts its rate window with each epoch', () => {
  const state = fold(midRunEvents());
  const node = state.nodes['train-mf[u1]'];
  assert.is(node.progress!.done, 40);
  assert.is(node.progress!.label, 'epoch 3/10');
  assert.is(node.progress!.windowDone, 1);
  assert.is(node.progress!.windowAt, node.progress!.at - 39 * 10);
});

test('epochs build the loss curves, the best epoch and the total epoch time', () => {
  const training = fold(midRunEvents()).nodes['train-mf[u1]'].training!;
  assert.is(training.epoch, 2);
  assert.is(training.epochs, 10);
  assert.equal(training.losses, [1.25, 1]);
  assert.equal(training.valLosses.map((v) => Number(v.toFixed(2))), [1.4, 1.2]);
  assert.is(training.bestEpoch, 2);
  assert.is(training.totalEpochMs, 2000);
});

test('a summary table is collected by node id, and the same table in results is not repeated',
  () => {
    const finished = fold([...midRunEvents(), ...endEvents()]);
    assert.is(finished.tables.length, 1);
    assert.is(finished.tables[0].title, 'report');
    assert.equal(finished.tables[0].rows, resultsTable.rows);

    const withResults = reduceEvent(finished, {
      type: 'run-finished', runId: 'run-1', ok: true, durationMs: 5, at: T0 + 20_000,
      results: { table: { columns: ['a'], rows: [[1], [2]] } },
    });
    assert.equal(withResults.tables.map((t) => t.title), ['report', 'results']);
    assert.equal(withResults.finished, { ok: true, durationMs: 5, error: undefined });
  });

test('a table in the summary of a node that feeds others is not collected', () => {
  const table = { columns: ['split', 'rmse'], rows: [['u1', 0.95]] };
  const finished = fold([
    runStarted,
    { type: 'node-finished', node: 'train-mf[u1]', stage: 'train-mf', key: 'k4',
      at: T0 + 100, durationMs: 90, summary: { table } },
    { type: 'node-finished', node: 'train-mf[u3]', stage: 'train-mf', key: 'k6',
      at: T0 + 200, durationMs: 90, summary: { table } },
  ]);

  // train-mf[u1] feeds the report; train-mf[u3] feeds nothing in the plan.
  assert.equal(finished.tables.map((t) => t.title), ['train-mf[u3]']);
  assert.equal(finished.nodes['train-mf[u1]'].summary, { table });
});

test('finishing clears the progress bar but keeps the training history', () => {
  const state = fold([...midRunEvents(), ...endEvents()]);
  const node = state.nodes['train-mf[u1]'];
  assert.is(node.status, 'done');
  assert.is(node.progress, undefined);
  assert.is(node.training!.losses.length, 2);
  assert.is(state.nodes['train-mf[u2]'].status, 'cancelled');
});

test('the backend can come from a log line when run-started does not name it', () => {
  const { backend: _unused, ...withoutBackend } = runStarted as Extract<RunEvent,
    { type: 'run-started' }>;
  const state = fold([withoutBackend, {
    type: 'log', node: 'train-mf[u1]', level: 'info', message: 'tfjs backend: cpu', at: T0 + 1,
  }]);
  assert.is(state.backend, 'cpu');

  const trainer = fold([withoutBackend, {
    type: 'log', node: 'train-mf[u1]', level: 'info', at: T0 + 1,
    message: 'training on the wasm backend (passed over: tensorflow: not installed)',
  }]);
  assert.is(trainer.backend, 'wasm');
});

test('only the latest log lines are kept', () => {
  const logs: RunEvent[] = Array.from({ length: 12 }, (_, i) => ({
    type: 'log', node: 'ingest', level: 'warn', message: `line ${i}`, at: T0 + i,
  }));
  const state = fold([runStarted, ...logs]);
  assert.is(state.logs.length, KEPT_LOG_LINES);
  assert.is(state.logs.at(-1)!.message, 'line 11');
});

test('events of a node the plan did not name add it rather than being lost', () => {
  const state = fold([runStarted, progress('extra[x]', 3, 9, 'rows', T0 + 5)]);
  assert.is(state.order.at(-1), 'extra[x]');
  assert.is(state.nodes['extra[x]'].progress!.done, 3);
});

test('cancel-requested marks the view as cancelling; the reducer never mutates', () => {
  const before = fold(midRunEvents());
  const frozen = JSON.stringify(before);
  const after = reduceEvent(before, { type: 'cancel-requested' });
  reduceEvent(before, endEvents()[0]);
  assert.is(after.cancelling, true);
  assert.is(before.cancelling, false);
  assert.is(JSON.stringify(before), frozen);
});

test.run();
