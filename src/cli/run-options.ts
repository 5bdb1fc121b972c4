import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { InputError } from '../core/input-error.ts';
import type { RunSettings } from '../core/stage.ts';
import type { PipelinePlan } from '../runtime/pipeline-plan.ts';
import type { CliEnvironment } from './cli-environment.ts';
import { resolvePlan } from './resolve-plan.ts';
import { UsageError } from './usage-error.ts';

/** The options `run` and `status` share: they decide the cache keys. */
export const runOptionSpecs = {
  data: { type: 'string' },
  artifacts: { type: 'string' },
  seed: { type: 'string' },
  concurrency: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export const runOptionsUsage = [
  '  --data <dir|zip>     the MovieLens data (default: found in or downloaded to ./data)',
  '  --artifacts <dir>    the artifact store (default: ./artifacts)',
  '  --seed <n>           the root random seed (default: 42)',
  '  --concurrency <n>    stages run at once (default: the number of cores)',
  '  --backend <name>     auto, tensorflow, wasm or cpu (default: auto)',
  '  --json               print one JSON document on stdout, everything else on stderr',
].join('\n');

const backends = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;

interface RawRunOptions {
  data?: string;
  artifacts?: string;
  seed?: string;
  concurrency?: string;
  backend?: string;
}

/** Reads the shared options into run settings and the store's root. */
export function readRunOptions(values: RawRunOptions): {
  settings: RunSettings;
  artifacts: string;
} {
  const dataPath = values.data === undefined ? undefined : resolve(values.data);
  if (dataPath !== undefined && !existsSync(dataPath)) {
    throw new InputError({ file: dataPath, field: '--data',
      expected: 'an existing MovieLens directory or zip file' });
  }

  const backend = values.backend ?? 'auto';
  if (!(backends as readonly string[]).includes(backend)) {
    throw new UsageError(`--backend: expected one of ${backends.join(', ')}, got "${backend}"`);
  }

  const settings: RunSettings = {
    dataPath,
    dataCacheDir: resolve('data'),
    seed: integerOption('--seed', values.seed, 42, 0),
    concurrency: integerOption('--concurrency', values.concurrency, availableParallelism(), 1),
    backend: backend as RunSettings['backend'],
  };
  return { settings, artifacts: resolve(values.artifacts ?? 'artifacts') };
}

/**
 * What `run` and `status` both start from: their one positional (a pipeline name or file),
 * its plan, the run settings and the store's root.
 */
export async function readPipelineRun(
  values: RawRunOptions,
  positionals: string[],
  environment: CliEnvironment,
): Promise<{ settings: RunSettings; artifacts: string; plan: PipelinePlan }> {
  if (positionals.length !== 1) throw new UsageError('expected one pipeline name or file');

  const { settings, artifacts } = readRunOptions(values);
  const plan = await resolvePlan(positionals[0], environment);
  return { settings, artifacts, plan };
}

function integerOption(name: string, text: string | undefined, fallback: number, min: number) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    const expected = min === 0 ? 'a non-negative integer' : 'a positive integer';
    throw new UsageError(`${name}: expected ${expected}, got "${text}"`);
  }
  return value;
}
