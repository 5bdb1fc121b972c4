import type { EpochTiming } from './time-epoch.ts';
import type { PipelineTiming } from './time-pipeline.ts';

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpu?: string; node: string };
  data: string;
  ratings: number;
  epochs: EpochTiming[];
  peakRssMb: number;
  pipeline: PipelineTiming;
}

/** The results as a Markdown report: one row per timing, then the speed-ups within the run. */
export function renderMarkdown(result: BenchResult): string {
  const rows = result.epochs.map((t) => `| ${t.model} | ${t.backend} | ${t.kernels} | ` +
    `${t.batchSize} | ${t.epochSeconds.toFixed(2)} | ${t.cpuSeconds.toFixed(2)} | ` +
    `${Math.round(t.samplesPerSecond)} | ` +
    `${t.capped ? `capped: ${t.trained} ratings, extrapolated` : 'full epoch'} |`);
  const pipeline = result.pipeline.seconds === undefined
    ? result.pipeline.note
    : `${result.pipeline.seconds.toFixed(1)} s (${result.pipeline.note})`;

  return [
    `# Benchmark, ${result.date}`,
    '',
    `${result.machine.cpus} x ${result.machine.cpu ?? 'unknown cpu'}, Node ${result.machine.node}.`,
    `One epoch of ${result.ratings} ratings (${result.data}), Adam, shuffled.`,
    '',
    '| model | backend | kernels | batch | epoch s | cpu s | samples/s | |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Speed-ups measured in this run',
    '',
    ...speedups(result.epochs),
    '',
    `Peak resident memory: ${result.peakRssMb} MB.`,
    '',
    `Default pipeline (\`${result.pipeline.command}\`): ${pipeline}.`,
    '',
  ].join('\n');
}

function speedups(epochs: EpochTiming[]): string[] {
  const find = (model: string, backend: string, kernels: string) => epochs.find((t) =>
    t.model === model && t.backend === backend && t.kernels === kernels && t.batchSize === 256);

  return ['mf', 'dnn', 'hybrid'].map((model) => {
    const fast = find(model, 'wasm', 'fast');
    const stock = find(model, 'wasm', 'stock');
    const cpu = find(model, 'cpu', '-');
    if (!fast) return `- ${model}: not measured`;

    const ratio = (other?: EpochTiming) =>
      other ? `${(other.epochSeconds / fast.epochSeconds).toFixed(1)}x` : '-';
    return `- ${model}, batch 256: wasm with our kernels is ${ratio(stock)} faster ` +
      `than stock wasm, ` +
      `${ratio(cpu)} faster than cpu`;
  });
}
