import { from } from 'rxjs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { RunEvent } from '../core/events.ts';
import { readEventsFile } from './read-events-file.ts';
import { renderRun } from './render-run.ts';
import { resolveRunDir } from './resolve-run-dir.ts';

export interface ReplayOptions {
  artifactsDir: string;
  /** A run id or `latest`. */
  run?: string;
  interactive: boolean;
  out: Writable;
}

/** Shows a finished run from its events.jsonl through the same renderer as a live run. */
export async function replayRun(options: ReplayOptions): Promise<RunEvent[]> {
  const runDir = await resolveRunDir(options.artifactsDir, options.run);
  const events = await readEventsFile(path.join(runDir, 'events.jsonl'));

  // Nothing is running in a replay, so there is nothing to cancel.
  await renderRun(from(events), {
    interactive: options.interactive,
    out: options.out,
    onCancel: () => undefined,
  });
  return events;
}
