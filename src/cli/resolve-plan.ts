import { InputError } from '../core/input-error.ts';
import { expandPipeline } from '../runtime/expand-pipeline.ts';
import { isPipelineFile, loadPipelineFile } from '../runtime/load-pipeline-file.ts';
import type { PipelinePlan } from '../runtime/pipeline-plan.ts';
import type { CliEnvironment } from './cli-environment.ts';

/** `run movielens` or `run my-pipeline.yaml`: a built-in pipeline by name, or a file. */
export async function resolvePlan(
  target: string,
  environment: CliEnvironment,
): Promise<PipelinePlan> {
  if (isPipelineFile(target)) return loadPipelineFile(target, environment.stages);

  const spec = environment.pipelines[target];
  if (!spec) {
    const names = Object.keys(environment.pipelines).join(', ') || 'none registered yet';
    throw new InputError({ file: target, field: 'pipeline',
      expected: `a built-in pipeline (${names}) or a .yaml/.json file` });
  }
  return expandPipeline(spec, environment.stages, { file: `pipeline ${target}` });
}
