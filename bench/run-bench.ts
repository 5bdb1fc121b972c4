import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend, useFastCpuKernels } from '../src/tf/backend.ts';
import { useFastWasmKernels } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';
import type { ModelName } from './bench-models.ts';
import { readRatings } from './read-ratings.ts';
import { renderMarkdown } from './render-markdown.ts';
import { timeEpoch, type EpochTiming } from './time-epoch.ts';
import { timePipeline } from './time-pipeline.ts';

interface Case {
  model: ModelName;
  backend: 'wasm' | 'cpu';
  kernels: EpochTiming['kernels'];
  batchSize: number;
  cap?: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What one run measures. Slow combinations are capped and extrapolated (marked so). */
const cases: Case[] = [
  { model: 'mf', backend: 'wasm', kernels: 'fast', batchSize: 256 },
  { model: 'mf', backend: 'wasm', kernels: 'stock', batchSize: 256 },
  { model: 'mf', backend: 'wasm', kernels: 'fast', batchSize: 1024 },
  { model: 'mf', backend: 'wasm', kernels: 'fast', batchSize: 4096 },
  { model: 'dnn', backend: 'wasm', kernels: 'fast', batchSize: 256 },
  { model: 'dnn', backend: 'wasm', kernels: 'stock', batchSize: 256, cap: 256 * 40 },
  { model: 'dnn', backend: 'wasm', kernels: 'fast', batchSize: 1024 },
  { model: 'hybrid', backend: 'wasm', kernels: 'fast', batchSize: 256 },
  { model: 'hybrid', backend: 'wasm', kernels: 'fast', batchSize: 1024 },
  { model: 'hybrid', backend: 'wasm', kernels: 'stock', batchSize: 256, cap: 256 * 80 },
  { model: 'seed-mf', backend: 'wasm', kernels: 'fast', batchSize: 256 },
  { model: 'seed-dnn', backend: 'wasm', kernels: 'fast', batchSize: 256 },
  { model: 'mf', backend: 'cpu', kernels: '-', batchSize: 256, cap: 256 * 20 },
  { model: 'dnn', backend: 'cpu', kernels: '-', batchSize: 256, cap: 256 * 4 },
  { model: 'hybrid', backend: 'cpu', kernels: '-', batchSize: 256, cap: 256 * 8 },
];

async function main(): Promise<void> {
  const dataDir = resolve(option('--data') ?? join(repoRoot, '../shared/data/ml-100k'));
  const data = readRatings(join(dataDir, 'u1.base'));
  const peak = sampleRss();
  await initBackend('wasm');

  const epochs: EpochTiming[] = [];
  for (const entry of cases) {
    await tf.setBackend(entry.backend);
    if (entry.backend === 'wasm') useFastWasmKernels(entry.kernels !== 'stock');
    else useFastCpuKernels();
    const timing = await timeEpoch(entry.model, data, entry);
    epochs.push(timing);
    process.stdout.write(`${describe(timing)}\n`);
  }

  const skipPipeline = process.argv.includes('--no-pipeline');
  const pipeline = skipPipeline
    ? { command: '-', note: 'skipped (--no-pipeline)' }
    : await timePipeline(repoRoot, dataDir, Number(option('--pipeline-limit') ?? 1200));
  process.stdout.write(`pipeline: ${pipeline.seconds?.toFixed(1) ?? '-'} s, ${pipeline.note}\n`);

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    data: join(dataDir, 'u1.base'),
    ratings: data.set.users.length,
    epochs,
    peakRssMb: peak.stop(),
    pipeline,
  };
  write(result);
}

function describe(t: EpochTiming): string {
  const capped = t.capped ? ` (capped at ${t.trained}, extrapolated)` : '';
  return `${t.model} ${t.backend}/${t.kernels} batch ${t.batchSize}: ` +
    `${t.epochSeconds.toFixed(2)} s/epoch (cpu ${t.cpuSeconds.toFixed(2)} s), ` +
    `${Math.round(t.samplesPerSecond)} samples/s${capped}`;
}

/** Peak resident set size, sampled every 50 ms while the benchmark runs. */
function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
    },
  };
}

function write(result: Parameters<typeof renderMarkdown>[0]): void {
  const folder = join(repoRoot, 'bench/results');
  mkdirSync(folder, { recursive: true });
  const stamp = result.date.slice(0, 16).replace(/:/g, '-');
  writeFileSync(join(folder, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(folder, `${stamp}.md`), renderMarkdown(result));
  process.stdout.write(`wrote bench/results/${stamp}.json and .md\n`);
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

await main();
