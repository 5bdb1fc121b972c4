import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { barText } from '../src/ui/bar-text.ts';
import { findTables } from '../src/ui/find-tables.ts';
import { formatCount, formatDuration, formatLoss, formatSummary } from '../src/ui/format.ts';
import { groupNodes, groupStatus, parseNodeId } from '../src/ui/node-groups.ts';
import { reduceEvent } from '../src/ui/reduce-event.ts';
import { sparkline } from '../src/ui/sparkline.ts';
import { tableText } from '../src/ui/table-text.ts';
import { estimateWork } from '../src/ui/training-estimate.ts';
import { initialViewState, type NodeView } from '../src/ui/view-state.ts';
import { midRunEvents } from './ui-script.ts';

test('durations read as ms, seconds, minutes and hours', () => {
  assert.is(formatDuration(850), '850ms');
  assert.is(formatDuration(3240), '3.2s');
  assert.is(formatDuration(65_000), '1m 05s');
  assert.is(formatDuration(7_380_000), '2h 03m');
  assert.is(formatDuration(-1), '?');
});

test('counts, losses and summaries are short', () => {
  assert.is(formatCount(312.4), '312');
  assert.is(formatCount(45_230), '45.2k');
  assert.is(formatCount(1_250_000), '1.3M');
  assert.is(formatLoss(0.812345), '0.8123');
  assert.is(formatLoss(undefined), '-');
  assert.is(formatSummary({ ratings: 100000, rmse: 0.93123, nested: { a: 1 }, ok: true }),
    'ratings=100000 rmse=0.9312 ok=true');
});

test('the sparkline scales between the minimum and the maximum it shows', () => {
  assert.is(sparkline([4, 3, 2, 1]), '█▆▃▁');
  assert.is(sparkline([1, 1, 1]), '▁▁▁');
  assert.is(sparkline([5, 9, 1, 2, 3], 3), '▁▅█');
  assert.is(sparkline([]), '');
});

test('the bar fills its share of the width and clamps', () => {
  assert.is(barText(0.5, 10), '█████░░░░░');
  assert.is(barText(2, 4), '████');
  assert.is(barText(Number.NaN, 3), '░░░');
});

test('a table is aligned, numbers to the right with the same decimals', () => {
  const lines = tableText({
    title: 't', columns: ['model', 'RMSE'], rows: [['mf', 0.9312], ['dnn', 0.91]],
  });
  assert.equal(lines, [
    'model    RMSE',
    '-----  ------',
    'mf     0.9312',
    'dnn    0.9100',
  ]);
});

test('tables are found at the top of a summary or one level down, malformed ones skipped', () => {
  const table = { columns: ['a', 'b'], rows: [[1, null]] };
  assert.equal(findTables({ table }, 'n'), [{ title: 'n', columns: ['a', 'b'], rows: [[1, '']] }]);
  assert.equal(findTables({ mf: { table } }, 'results').map((t) => t.title), ['results mf']);
  assert.equal(findTables({ table: { columns: [1], rows: [] } }, 'n'), []);
  assert.equal(findTables({ table: { columns: ['a'], rows: [1] } }, 'n'), []);
  assert.equal(findTables(undefined, 'n'), []);
});

test('expanded node ids group into one row per stage', () => {
  assert.equal(parseNodeId('train-mf[u1,dnn]'), { base: 'train-mf', cell: 'u1,dnn' });
  assert.equal(parseNodeId('ingest'), { base: 'ingest' });

  const state = midRunEvents().reduce(reduceEvent, initialViewState());
  const groups = groupNodes(state);
  assert.equal(groups.map((g) => [g.id, g.expanded, g.nodes.length]), [
    ['ingest', false, 1], ['split', true, 3], ['train-mf', true, 3], ['report', false, 1],
  ]);
  assert.is(groupStatus(groups[1].nodes), 'failed');
  assert.is(groupStatus(groups[2].nodes), 'running');
});

test('time left covers the rest of this epoch and the planned epochs after it', () => {
  const state = midRunEvents().reduce(reduceEvent, initialViewState());
  const work = estimateWork(state.nodes['train-mf[u1]'])!;
  assert.is(work.epoch, 3);
  assert.is(work.epochs, 10);
  assert.is(work.fraction, 0.4);
  // 39 batches in 390 ms: 100 batches/s; 60 left this epoch, 7 epochs of 1 s each to come.
  assert.ok(Math.abs(work.unitsPerSecond! - 100) < 1e-9);
  assert.ok(Math.abs(work.secondsLeft! - 7.6) < 1e-9);
  assert.is(work.samplesPerSecond, 25600);
});

test('a node without progress has no estimate; a single report has no rate yet', () => {
  const waiting: NodeView = { id: 'x', stage: 's', status: 'waiting' };
  assert.is(estimateWork(waiting), undefined);

  const once: NodeView = { ...waiting, status: 'running', progress: {
    done: 5, total: 10, unit: 'rows', at: 1, windowDone: 5, windowAt: 1,
  } };
  const work = estimateWork(once)!;
  assert.is(work.fraction, 0.5);
  assert.is(work.unitsPerSecond, undefined);
  assert.is(work.secondsLeft, undefined);
});

test.run();
