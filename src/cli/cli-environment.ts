import type { Writable } from 'node:stream';
import type { StageDefinition } from '../core/stage.ts';
import { pipelines } from '../pipelines/index.ts';
import type { PipelineSpec } from '../runtime/pipeline-spec.ts';
import { stages } from '../stages/index.ts';

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

export function defaultEnvironment(): CliEnvironment {
  return {
    stages,
    pipelines,
    registryModule: new URL('../stages/index.ts', import.meta.url).href,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}
