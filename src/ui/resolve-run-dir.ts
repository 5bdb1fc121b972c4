import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/input-error.ts';

/** A run id is a folder name: no separators, no `..`, so `show` reads only under runs/. */
const RUN_ID = /^[\w.-]+$/;

/**
 * Finds the folder of a run under `<artifacts>/runs`: by id, or `latest`, which the runtime
 * keeps as a symlink to the newest run (a plain file holding the id works too).
 */
export async function resolveRunDir(artifactsDir: string, run = 'latest'): Promise<string> {
  const runsDir = path.resolve(artifactsDir, 'runs');
  if (!RUN_ID.test(run) || run === '.' || run === '..') {
    throw new InputError({ file: runsDir, field: 'run', expected: 'a run id', received: run });
  }

  const candidate = path.join(runsDir, run);
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isDirectory()) return realpath(candidate);

  if (info?.isFile() && run === 'latest') {
    const id = (await readFile(candidate, 'utf8')).trim();
    if (id !== 'latest') return resolveRunDir(artifactsDir, id);
  }

  throw new InputError({
    file: candidate,
    expected: run === 'latest' ? 'a finished run (none found: start one with `run`)' :
      'a run folder holding events.jsonl',
  });
}
