import type { Writable } from 'node:stream';
import type { StageDefinition } from '../core/stage.ts';
import type { PipelineSpec } from '../runtime/pipeline-spec.ts';

/**
 * What commands work with. The program uses the real registries; tests pass their own
 * stages (and the module workers load them from) to drive the CLI end to end.
 */
export interface CliEnvironment {
  stages: Record<string, StageDefinition>;
  pipelines: Record<string, PipelineSpec>;
  /** URL of the module exporting `stages`, imported by worker threads. */
  registryModule: string;
  stdout: Writable;
  stderr: Writable;
}

const registryModule = new URL('../stages/index.ts', import.meta.url).href;

/** The real registries, imported on first use: they load tfjs, which `--help` never needs. */
export async function defaultEnvironment(): Promise<CliEnvironment> {
  const [{ stages }, { pipelines }] = await Promise.all([
    import('../stages/index.ts'),
    import('../pipelines/index.ts'),
  ]);
  return { stages, pipelines, registryModule, stdout: process.stdout, stderr: process.stderr };
}
