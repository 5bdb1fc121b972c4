import { parseArgs } from 'node:util';
import { InputError } from '../../core/input-error.ts';
import { replayRun } from '../../ui/replay-run.ts';

export const name = 'show';

export const summary = 'Replay a finished run from its events: stage graph, training, results';

export const usage = `recommender show [run-id|latest] [--artifacts dir] [--no-ui]

  run-id            a folder under <artifacts>/runs (default: latest, the newest run)
  --artifacts dir   the artifact store (default: ./artifacts)
  --no-ui           plain lines instead of the terminal UI (the default off a terminal)`;

/** Replays `<artifacts>/runs/<run>/events.jsonl` through the renderer a live run uses. */
export async function run(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseShowArgs>;
  try {
    options = parseShowArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\nusage: ${usage}\n`);
    return 2;
  }

  try {
    await replayRun({
      artifactsDir: options.artifacts,
      run: options.run,
      interactive: !options.noUi && process.stdout.isTTY === true,
      out: process.stdout,
    });
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 1;
  }
}

function parseShowArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      artifacts: { type: 'string', default: 'artifacts' },
      'no-ui': { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 1) {
    throw new Error(`show takes one run id, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  return { artifacts: values.artifacts, noUi: values['no-ui'], run: positionals[0] ?? 'latest' };
}
