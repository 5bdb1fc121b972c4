import type { PipelineSpec } from '../runtime/pipeline-spec.ts';
import { explorePipeline } from './explore.ts';
import { movielensPipeline } from './movielens.ts';
import { quickPipeline } from './quick.ts';

/** Built-in pipelines by name, for `run <name>`, `list` and `status`. One import per file. */
export const pipelines: Record<string, PipelineSpec> = Object.fromEntries(
  ([movielensPipeline, quickPipeline, explorePipeline] as PipelineSpec[])
    .map((pipeline) => [pipeline.name, pipeline]),
);
