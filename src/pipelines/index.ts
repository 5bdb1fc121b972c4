import type { PipelineSpec } from '../runtime/pipeline-spec.ts';
import { explorePipeline } from './explore.ts';

/** Built-in pipelines by name, for `run <name>`, `list` and `status`. One import per file. */
export const pipelines: Record<string, PipelineSpec> = Object.fromEntries(
  ([explorePipeline] as PipelineSpec[]).map((pipeline) => [pipeline.name, pipeline]),
);
