import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { z } from 'zod';
import { InputError } from '../src/core/input-error.ts';
import { defineStage, fromTask, type StageDefinition } from '../src/core/stage.ts';
import type { PipelineSpec } from '../src/runtime/pipeline-spec.ts';

/**
 * Test-only stages: small, fast, real files. Each run is recorded in `calls`, and the
 * signals of `toy-wait` in `signals`, so tests can see what ran and what was cancelled.
 */
export const calls: string[] = [];
export const signals: AbortSignal[] = [];

async function readNumbers(dir: string): Promise<number[]> {
  const text = await readFile(join(dir, 'numbers.csv'), 'utf8');
  return text.trim().split('\n').slice(1).map(Number);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
  });
}

const source = defineStage({
  name: 'toy-source',
  version: 1,
  description: 'Writes the numbers start..start+count-1.',
  params: z.object({ count: z.number().int().positive().default(5), start: z.number().default(1) }),
  inputs: {},
  outputs: { numbers: 'table' },
  run: ({ params, outputs, signal }) => fromTask(signal, async (emit) => {
    calls.push(`toy-source:${params.start}`);
    const values = Array.from({ length: params.count }, (_, index) => params.start + index);
    await writeFile(join(outputs.numbers, 'numbers.csv'), `value\n${values.join('\n')}\n`);
    emit({ type: 'summary', data: { count: values.length } });
  }),
});

/** Writes the first half of its output, waits `delayMs`, then writes the rest. */
const scale = defineStage({
  name: 'toy-scale',
  version: 1,
  description: 'Multiplies every number by a factor.',
  params: z.object({
    factor: z.number().default(2),
    delayMs: z.number().int().nonnegative().default(0),
  }),
  inputs: { numbers: { kind: 'table' } },
  outputs: { numbers: 'table' },
  run: ({ params, inputs, outputs, signal }) => fromTask(signal, async (emit, aborted) => {
    calls.push(`toy-scale:${params.factor}`);
    const values = (await readNumbers(inputs.numbers as string)).map((v) => v * params.factor);
    const file = join(outputs.numbers, 'numbers.csv');
    const half = Math.ceil(values.length / 2);

    await writeFile(file, `value\n${values.slice(0, half).join('\n')}\n`);
    emit({ type: 'progress', done: half, total: values.length, unit: 'rows' });
    await sleep(params.delayMs, aborted);
    await appendFile(file, values.slice(half).map((v) => `${v}\n`).join(''));
    emit({ type: 'progress', done: values.length, total: values.length, unit: 'rows' });
  }),
});

const sum = defineStage({
  name: 'toy-sum',
  version: 1,
  description: 'Adds up every number of every input table.',
  params: z.object({}),
  inputs: { parts: { kind: 'table', many: true } },
  outputs: { report: 'report' },
  run: ({ inputs, outputs, signal }) => fromTask(signal, async (emit) => {
    calls.push('toy-sum');
    const parts = await Promise.all((inputs.parts as string[]).map(readNumbers));
    const total = parts.flat().reduce((a, b) => a + b, 0);
    await writeFile(join(outputs.report, 'total.json'), JSON.stringify({ total }));
    emit({ type: 'summary', data: { total, parts: parts.length } });
  }),
});

const fail = defineStage({
  name: 'toy-fail',
  version: 1,
  description: 'Fails after a delay.',
  params: z.object({
    delayMs: z.number().int().default(0),
    message: z.string().default('boom'),
    inputError: z.boolean().default(false),
  }),
  inputs: { numbers: { kind: 'table', optional: true } },
  outputs: { numbers: 'table' },
  run: ({ params, signal }) => fromTask(signal, async (_, aborted) => {
    await sleep(params.delayMs, aborted);
    if (!params.inputError) throw new Error(params.message);
    throw new InputError({ file: 'ratings.csv', line: 3, field: 'rating', expected: 'a number',
      received: 'x' });
  }),
});

/** Writes a file, then waits until it is cancelled; keeps its signal for the test. */
const wait = defineStage({
  name: 'toy-wait',
  version: 1,
  description: 'Waits until cancelled.',
  params: z.object({}),
  inputs: {},
  outputs: { numbers: 'table' },
  run: ({ outputs, signal }) => fromTask(signal, async () => {
    signals.push(signal);
    await writeFile(join(outputs.numbers, 'numbers.csv'), 'value\n');
    await sleep(60_000, signal);
  }),
});

/** The same work as toy-scale, in a worker thread; says which thread it ran on. */
const heavy = defineStage({
  name: 'toy-heavy',
  version: 1,
  description: 'Multiplies every number, in a worker thread.',
  heavy: true,
  params: z.object({
    factor: z.number().default(3),
    delayMs: z.number().int().nonnegative().default(0),
    progressEvents: z.number().int().nonnegative().default(0),
  }),
  inputs: { numbers: { kind: 'table' } },
  outputs: { numbers: 'table' },
  run: ({ params, inputs, outputs, signal }) => fromTask(signal, async (emit, aborted) => {
    for (let done = 1; done <= params.progressEvents; done += 1) {
      emit({ type: 'progress', done, total: params.progressEvents, unit: 'batches' });
    }
    await sleep(params.delayMs, aborted);
    const values = (await readNumbers(inputs.numbers as string)).map((v) => v * params.factor);
    await writeFile(join(outputs.numbers, 'numbers.csv'), `value\n${values.join('\n')}\n`);
    emit({ type: 'summary', data: { isMainThread, threadId } });
  }),
});

export const stages: Record<string, StageDefinition> = Object.fromEntries(
  [source, scale, sum, fail, wait, heavy].map((stage) => [stage.name, stage as StageDefinition]),
);

/** source -> scale over two branches -> sum. */
export const pipelines: Record<string, PipelineSpec> = {
  toy: {
    name: 'toy',
    description: 'Two scaled branches added up.',
    stages: [
      { id: 'source', uses: 'toy-source', with: { count: 4 } },
      { id: 'scale', uses: 'toy-scale', forEach: { factor: [2, 10] },
        with: { factor: '${factor}' }, inputs: { numbers: 'source.numbers' } },
      { id: 'sum', uses: 'toy-sum', inputs: { parts: 'scale[*].numbers' } },
    ],
  },
};

export const registryModule = import.meta.url;
