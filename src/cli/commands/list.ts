import type { StageDefinition } from '../../core/stage.ts';
import type { CliEnvironment } from '../cli-environment.ts';
import { runCommand } from '../run-command.ts';

export const name = 'list';

export const summary = 'List the built-in pipelines and every stage a pipeline can use';

export const usage = `recommender list [--json]

  --json    one JSON document: { pipelines: [...], stages: [...] }`;

const options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  return runCommand(argv, given, { options, usage }, async ({ values }, environment) => {
    const pipelines = Object.values(environment.pipelines).map((spec) => ({
      name: spec.name, description: spec.description ?? '' }));
    const stages = Object.values(environment.stages).map(describeStage);
    if (values.json) {
      environment.stdout.write(`${JSON.stringify({ pipelines, stages }, null, 2)}\n`);
      return 0;
    }

    const lines = ['Pipelines (recommender run <name>):'];
    if (pipelines.length === 0) lines.push('  (none registered)');
    for (const pipeline of pipelines) {
      lines.push(`  ${pipeline.name.padEnd(24)} ${pipeline.description}`);
    }
    lines.push('', 'Stages (uses: in a pipeline file):');
    for (const stage of stages) {
      lines.push(`  ${stage.name.padEnd(24)} ${stage.description}`);
      lines.push(`  ${''.padEnd(24)} ${stage.signature}`);
    }
    environment.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

function describeStage(stage: StageDefinition) {
  const inputs = Object.entries(stage.inputs).map(([input, spec]) =>
    `${input}: ${spec.kind}${spec.many ? '[]' : ''}${spec.optional ? '?' : ''}`);
  const outputs = Object.entries(stage.outputs).map(([output, kind]) => `${output}: ${kind}`);
  const signature = `(${inputs.join(', ')}) -> (${outputs.join(', ')})` +
    `  v${stage.version}${stage.heavy ? ', heavy' : ''}`;
  return { name: stage.name, version: stage.version, description: stage.description,
    inputs: stage.inputs, outputs: stage.outputs, heavy: stage.heavy ?? false, signature };
}
