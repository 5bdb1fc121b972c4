import type { PlannedNode, RunEvent } from '../src/core/events.ts';

/** Scripted events of a small run, for the UI suites: nothing here comes from a real run. */

export const T0 = 1_700_000_000_000;

const plan: PlannedNode[] = [
  { id: 'ingest', stage: 'ingest-movielens', dependsOn: [] },
  ...['u1', 'u2', 'u3'].map((split) => ({
    id: `split[${split}]`, stage: 'split-official', dependsOn: ['ingest'],
  })),
  ...['u1', 'u2', 'u3'].map((split) => ({
    id: `train-mf[${split}]`, stage: 'train-mf', dependsOn: [`split[${split}]`],
  })),
  { id: 'report', stage: 'results-report', dependsOn: ['train-mf[u1]', 'train-mf[u2]'] },
];

export const runStarted: RunEvent = {
  type: 'run-started', runId: 'run-1', pipeline: 'tiny', nodes: plan, backend: 'wasm', at: T0,
};

/** Up to the middle of epoch 3 of train-mf[u1]; split[u3] has failed, split[u2] was cached. */
export function midRunEvents(): RunEvent[] {
  const events: RunEvent[] = [
    runStarted,
    { type: 'node-cached', node: 'ingest', stage: 'ingest-movielens', key: 'k0', at: T0 + 10,
      summary: { ratings: 100000, users: 943 } },
    { type: 'node-started', node: 'split[u1]', stage: 'split-official', key: 'k1', at: T0 + 20 },
    { type: 'node-finished', node: 'split[u1]', stage: 'split-official', key: 'k1',
      at: T0 + 1220, durationMs: 1200 },
    { type: 'node-cached', node: 'split[u2]', stage: 'split-official', key: 'k2', at: T0 + 30 },
    { type: 'node-started', node: 'split[u3]', stage: 'split-official', key: 'k3', at: T0 + 40 },
    { type: 'node-failed', node: 'split[u3]', stage: 'split-official', at: T0 + 50,
      error: { message: 'u3.base:7: rating: expected 1 to 5, got "9"' } },
    { type: 'node-started', node: 'train-mf[u1]', stage: 'train-mf', key: 'k4', at: T0 + 2000 },
  ];
  let at = T0 + 2000;
  for (let epoch = 1; epoch <= 2; epoch += 1) {
    for (let batch = 1; batch <= 100; batch += 1) {
      at += 10;
      events.push(progress('train-mf[u1]', batch, 100, `epoch ${epoch}/10`, at));
    }
    events.push({
      type: 'epoch', node: 'train-mf[u1]', at, epoch, epochs: 10, loss: 1.5 - epoch * 0.25,
      valLoss: 1.6 - epoch * 0.2, bestEpoch: epoch, samplesPerSecond: 25600, durationMs: 1000,
    });
  }
  for (let batch = 1; batch <= 40; batch += 1) {
    at += 10;
    events.push(progress('train-mf[u1]', batch, 100, 'epoch 3/10', at));
  }
  return events;
}

export const resultsTable = {
  columns: ['model', 'split', 'RMSE', 'MAE'],
  rows: [['mf', 'u1', 0.9312, 0.7345], ['mf', 'u2', 0.9408, 0.741]],
};

/** The rest of the run: train-mf[u1] ends, the others never ran, the report carries a table. */
export function endEvents(): RunEvent[] {
  const at = T0 + 10_000;
  return [
    { type: 'node-finished', node: 'train-mf[u1]', stage: 'train-mf', key: 'k4', at,
      durationMs: 8000, summary: { bestEpoch: 2, backend: 'wasm' } },
    { type: 'node-cancelled', node: 'train-mf[u2]', stage: 'train-mf', at: at + 1 },
    { type: 'node-started', node: 'report', stage: 'results-report', key: 'k5', at: at + 2 },
    { type: 'node-finished', node: 'report', stage: 'results-report', key: 'k5', at: at + 300,
      durationMs: 298, summary: { table: resultsTable } },
    { type: 'run-finished', runId: 'run-1', ok: false, durationMs: 10_400, at: at + 400,
      error: { message: '1 node failed' } },
  ];
}

export function progress(node: string, done: number, total: number, label: string,
  at: number): RunEvent {
  return { type: 'progress', node, done, total, unit: 'batches', label, at };
}
