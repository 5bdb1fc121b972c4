import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunEvent } from '../src/core/events.ts';
import { PlainLogger, plainText } from '../src/ui/plain-logger.ts';
import { endEvents, midRunEvents, progress, runStarted, T0 } from './ui-script.ts';

function logLines(events: RunEvent[], progressIntervalMs?: number): string[] {
  const lines: string[] = [];
  const logger = new PlainLogger((line) => lines.push(line), { progressIntervalMs });
  for (const event of events) logger.next(event);
  logger.complete();
  return lines;
}

/** 10,000 batch reports of one node over 100 s of event time, epochs of 1,000 batches. */
function manyProgressEvents(): RunEvent[] {
  const events: RunEvent[] = [
    runStarted,
    { type: 'node-started', node: 'train-mf[u1]', stage: 'train-mf', key: 'k', at: T0 },
  ];
  for (let i = 0; i < 10_000; i += 1) {
    const epoch = Math.floor(i / 1000) + 1;
    events.push(progress('train-mf[u1]', (i % 1000) + 1, 1000, `epoch ${epoch}/10`,
      T0 + (i + 1) * 10));
  }
  return events;
}

test('10,000 progress events make a bounded number of lines with no escape code', () => {
  const lines = logLines(manyProgressEvents());
  const progressLines = lines.filter((line) => line.includes('batches'));

  // 100 s of events, at most one progress line per 5 s.
  assert.ok(progressLines.length >= 15 && progressLines.length <= 20, String(progressLines.length));
  assert.ok(lines.length <= 25, String(lines.length));
  assert.not.match(lines.join('\n'), /\x1b\[/);
  assert.match(progressLines[0],
    /^\[00:05\] train-mf\[u1\] epoch 1\/10: 500\/1000 batches \(50%\)/);
});

test('the interval is configurable and counted per node', () => {
  const twoNodes: RunEvent[] = [runStarted];
  for (let i = 1; i <= 100; i += 1) {
    twoNodes.push(progress('train-mf[u1]', i, 100, 'epoch 1/1', T0 + i * 100));
    twoNodes.push(progress('train-mf[u2]', i, 100, 'epoch 1/1', T0 + i * 100));
  }
  const lines = logLines(twoNodes, 2000);
  const count = (node: string) => lines.filter((line) => line.includes(node)).length;
  assert.is(count('train-mf[u1]'), 5);
  assert.is(count('train-mf[u2]'), 5);
});

test('one line per node event and epoch, then the results table as plain text', () => {
  const lines = logLines([...midRunEvents(), ...endEvents()]);
  const text = lines.join('\n');

  assert.is(lines[0], '[00:00] run run-1: pipeline tiny, 8 nodes, backend wasm');
  assert.ok(lines.includes('[00:00] ingest cached  ratings=100000 users=943'), text);
  assert.ok(lines.includes('[00:01] split[u1] done in 1.2s'), text);
  assert.ok(lines.includes(
    '[00:00] split[u3] FAILED: u3.base:7: rating: expected 1 to 5, got "9"'), text);
  assert.ok(lines.includes('[00:10] train-mf[u2] cancelled'), text);
  assert.ok(lines.includes(
    '[00:04] train-mf[u1] epoch 2/10: loss 1.000, val 1.200, best epoch 2, 25.6k samples/s'),
    text);
  assert.is(lines.filter((line) => line.includes(' epoch ')).length, 2);
  assert.ok(lines.includes('[00:10] run failed after 10.4s: 1 node failed'), text);

  const table = lines.slice(lines.indexOf('report'));
  assert.equal(table, [
    'report',
    'model  split    RMSE     MAE',
    '-----  -----  ------  ------',
    'mf     u1     0.9312  0.7345',
    'mf     u2     0.9408  0.7410',
  ]);
  assert.not.match(text, /\x1b/);
});

test('escape codes and control characters in messages are removed', () => {
  assert.is(plainText('\x1b[31mred\x1b[0m and\x07 bell'), 'red and bell');
  const lines = logLines([runStarted, {
    type: 'log', node: 'ingest', level: 'warn', message: '\x1b[1mbold\x1b[22m', at: T0 + 1,
  }]);
  assert.is(lines[1], '[00:00] ingest warning: bold');
});

test('a stream that ends without run-finished still prints the tables it saw', () => {
  const lines = logLines([runStarted, {
    type: 'node-cached', node: 'report', stage: 'results-report', key: 'k', at: T0 + 1,
    summary: { table: { columns: ['n'], rows: [[3]] } },
  }]);
  assert.equal(lines.slice(-4), ['report', 'n', '-', '3']);
});

test.run();
