import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineStage, fromTask, type StageDefinition } from '../src/core/stage.ts';
import { stages as toyStages } from './runtime-toy-stages.ts';

/**
 * A test-only trainer: no model, only the events a trainer emits (batch progress labelled
 * with the epoch, one epoch emission each), at a pace the test chooses, so the UI can be
 * driven end to end in a child process without tfjs.
 */
const toyTrain = defineStage({
  name: 'toy-train',
  version: 1,
  description: 'Pretends to train: batch progress and epoch losses, then a small table.',
  params: z.object({
    epochs: z.number().int().positive().default(3),
    batches: z.number().int().positive().default(10),
    batchDelayMs: z.number().int().nonnegative().default(0),
  }),
  inputs: { numbers: { kind: 'table' } },
  outputs: { model: 'model' },
  run: ({ params, outputs, signal }) => fromTask(signal, async (emit, aborted) => {
    const rows: number[][] = [];
    for (let epoch = 1; epoch <= params.epochs; epoch += 1) {
      const started = Date.now();
      for (let batch = 1; batch <= params.batches; batch += 1) {
        if (params.batchDelayMs > 0) await sleep(params.batchDelayMs, aborted);
        if (aborted.aborted) throw aborted.reason;
        emit({ type: 'progress', done: batch, total: params.batches, unit: 'batches',
          label: `epoch ${epoch}/${params.epochs}` });
      }
      const loss = 1 / epoch;
      rows.push([epoch, loss]);
      emit({ type: 'epoch', epoch, epochs: params.epochs, loss, valLoss: loss + 0.1,
        bestEpoch: epoch, samplesPerSecond: 1000, durationMs: Date.now() - started });
    }
    await writeFile(join(outputs.model, 'model-config.json'),
      JSON.stringify({ type: 'toy', epochs: params.epochs }));
    emit({ type: 'summary', data: { table: { columns: ['epoch', 'loss'], rows } } });
  }),
});

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
  });
}

export const stages: Record<string, StageDefinition> = {
  ...toyStages,
  [toyTrain.name]: toyTrain as StageDefinition,
};

export const registryModule = import.meta.url;
