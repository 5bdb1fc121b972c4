import type { CliEnvironment } from '../cli-environment.ts';
import { environmentWithoutRegistries, runCommand } from '../run-command.ts';
import { UsageError } from '../usage-error.ts';
import { replayRun } from '../../ui/replay-run.ts';

export const name = 'show';

export const summary = 'Replay a finished run from its events: stage graph, training, results';

export const usage = `recommender show [run-id | latest] [options]

  Replays <artifacts>/runs/<run-id>/events.jsonl (default: latest, the newest run).

  --artifacts <dir>    the artifact store (default: ./artifacts)
  --no-ui              plain log lines instead of the terminal UI`;

const options = {
  artifacts: { type: 'string' },
  'no-ui': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  const frame = { options, usage, environment: environmentWithoutRegistries };
  return runCommand(argv, given, frame, async ({ values, positionals }, environment) => {
    if (positionals.length > 1) throw new UsageError('expected at most one run id');

    const out = environment.stdout;
    await replayRun({
      artifactsDir: values.artifacts ?? 'artifacts',
      run: positionals[0] ?? 'latest',
      interactive: !values['no-ui'] && (out as { isTTY?: boolean }).isTTY === true,
      out,
    });
    return 0;
  });
}
