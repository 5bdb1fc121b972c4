import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import { defineStage, fromTask, type StageDefinition } from '../src/core/stage.ts';

/** Says which thread it ran on; fails instead when `fail` is set. */
const thread = defineStage({
  name: 'pool-thread',
  version: 1,
  description: 'Reports its thread id.',
  heavy: true,
  params: z.object({ fail: z.boolean().default(false) }),
  inputs: {},
  outputs: {},
  run: ({ params, signal }) => fromTask(signal, async (emit) => {
    if (params.fail) throw new Error(`failed on thread ${threadId}`);
    emit({ type: 'summary', data: { threadId } });
  }),
});

/** Ignores its signal: keeps sleeping, then writes a file into `params.dir`. */
const stubborn = defineStage({
  name: 'pool-stubborn',
  version: 1,
  description: 'Does not stop when cancelled.',
  heavy: true,
  params: z.object({ dir: z.string(), delayMs: z.number().int() }),
  inputs: {},
  outputs: {},
  run: ({ params }) => fromTask(new AbortController().signal, async (emit) => {
    emit({ type: 'progress', done: 0, total: 1, unit: 'naps' });
    await new Promise((resolve) => setTimeout(resolve, params.delayMs));
    await writeFile(join(params.dir, 'late.txt'), `${threadId}\n`);
  }),
});

export const stages: Record<string, StageDefinition> = Object.fromEntries(
  [thread, stubborn].map((stage) => [stage.name, stage as StageDefinition]),
);

export const registryModule = import.meta.url;
