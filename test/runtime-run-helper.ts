import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import type { RunEvent } from '../src/core/events.ts';
import type { RunSettings } from '../src/core/stage.ts';
import { ArtifactStore } from '../src/runtime/artifact-store.ts';
import { expandPipeline } from '../src/runtime/expand-pipeline.ts';
import type { PipelinePlan } from '../src/runtime/pipeline-plan.ts';
import type { PipelineSpec } from '../src/runtime/pipeline-spec.ts';
import { runPipeline, type RunOptions } from '../src/runtime/run-pipeline.ts';
import { registryModule, stages } from './runtime-toy-stages.ts';

export const settings: RunSettings = {
  dataCacheDir: join(tmpdir(), 'unused-data-cache'),
  seed: 7,
  concurrency: 2,
  backend: 'cpu',
};

export async function tempStore(): Promise<ArtifactStore> {
  return new ArtifactStore(await mkdtemp(join(tmpdir(), 'store-')));
}

export function plan(spec: PipelineSpec): PipelinePlan {
  return expandPipeline(spec, stages, { file: `pipeline ${spec.name}` });
}

/** Runs a plan to its end and returns every event. */
export function runAll(
  pipeline: PipelinePlan,
  store: ArtifactStore,
  options: Partial<RunOptions> = {},
): Promise<RunEvent[]> {
  const events = runPipeline(pipeline, { store, settings, registryModule, ...options });
  return lastValueFrom(events.pipe(toArray()));
}

/** The nodes with an event of this type, sorted: concurrent nodes report in any order. */
export function nodesWith(events: RunEvent[], type: RunEvent['type']): string[] {
  return events
    .filter((event) => event.type === type)
    .map((event) => (event as { node: string }).node)
    .sort();
}

export function finished(events: RunEvent[]) {
  const last = events.at(-1);
  if (last?.type !== 'run-finished') throw new Error('the run did not finish');
  return last;
}
