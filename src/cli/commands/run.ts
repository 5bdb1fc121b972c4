import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tap } from 'rxjs';
import type { RunEvent } from '../../core/events.ts';
import { ArtifactStore } from '../../runtime/artifact-store.ts';
import { runPipeline, type RunResults } from '../../runtime/run-pipeline.ts';
import { renderRun } from '../../ui/render-run.ts';
import type { CliEnvironment } from '../cli-environment.ts';
import { outputsText } from '../outputs-text.ts';
import { runCommand } from '../run-command.ts';
import { readPipelineRun, runOptionSpecs, runOptionsUsage } from '../run-options.ts';
import { quietStdout } from '../quiet-stdout.ts';

export const name = 'run';

export const summary = 'Run a pipeline: a built-in name or a .yaml/.json file';

export const usage = `recommender run <pipeline | file.yaml | file.json> [options]

  Runs every stage whose output is not in the store yet; the rest are served from it.

${runOptionsUsage}
  --no-ui              plain log lines instead of the terminal UI
  --no-workers         run heavy stages in the main thread (for debugging)`;

const options = {
  ...runOptionSpecs,
  'no-ui': { type: 'boolean' },
  'no-workers': { type: 'boolean' },
} as const;

export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  const frame = { options, usage };
  return runCommand(argv, given, frame, async ({ values, positionals }, environment) => {
    const { settings, artifacts, plan } = await readPipelineRun(values, positionals, environment);
    const json = values.json ?? false;
    const out = json ? environment.stderr : environment.stdout;
    const interactive = !values['no-ui'] && (out as { isTTY?: boolean }).isTTY === true;

    const store = new ArtifactStore(artifacts);
    const controller = new AbortController();
    let finished: Extract<RunEvent, { type: 'run-finished' }> | undefined;
    let failedNode: string | undefined;
    const events = runPipeline(plan, { store, settings, workers: !values['no-workers'],
      registryModule: environment.registryModule, signal: controller.signal }).pipe(
      tap((event) => {
        if (event.type === 'run-finished') finished = event;
        if (event.type === 'node-failed') failedNode ??= event.node;
      }),
    );

    const restore = json ? quietStdout(environment.stderr) : () => undefined;
    const stopOnSignal = onInterrupt(() => controller.abort());
    try {
      await renderRun(events, { interactive, out, onCancel: () => controller.abort() });
    } finally {
      stopOnSignal();
      restore();
    }

    if (!finished) throw new Error('the run ended without a result');
    const results = await readResults(store, finished.runId);
    if (json) environment.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else out.write(outputsText(plan, store, results));
    if (finished.ok) return 0;

    const reason = finished.error?.message ?? 'failed';
    const where = failedNode && !reason.startsWith(failedNode) ? `${failedNode}: ` : '';
    environment.stderr.write(`recommender: ${where}${reason.split('\n')[0]}\n`);
    return finished.error?.name === 'CancelledError' ? 130 : 1;
  });
}

async function readResults(store: ArtifactStore, runId: string): Promise<RunResults> {
  return JSON.parse(await readFile(join(store.runsDir, runId, 'results.json'), 'utf8'));
}

/** Ctrl-C outside the interactive UI: the first stops the run cleanly, the second exits. */
function onInterrupt(stop: () => void): () => void {
  let interrupted = false;
  const handler = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    stop();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

