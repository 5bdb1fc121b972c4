import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ArtifactStore } from '../../runtime/artifact-store.ts';
import { withStoreAccess } from '../../runtime/store-access-error.ts';
import type { CliEnvironment } from '../cli-environment.ts';
import { environmentWithoutRegistries, runCommand } from '../run-command.ts';
import { UsageError } from '../usage-error.ts';

export const name = 'clean';

export const summary = 'Empty the artifact store (all of it, or all but the run folders)';

export const usage = `recommender clean [--artifacts <dir>] [--keep-runs]

  --artifacts <dir>   the artifact store (default: ./artifacts)
  --keep-runs         keep runs/ (event logs and results); remove only stage outputs`;

const options = {
  artifacts: { type: 'string' },
  'keep-runs': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Removes only the folders the store creates (entries, tmp, runs), never the root itself:
 * `--artifacts` pointed at the wrong directory must not wipe it.
 */
export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  const frame = { options, usage, environment: environmentWithoutRegistries };
  return runCommand(argv, given, frame, async ({ values, positionals }, environment) => {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);

    const store = new ArtifactStore(resolve(values.artifacts ?? 'artifacts'));
    const folders = [store.entriesDir, store.tmpDir];
    if (!values['keep-runs']) folders.push(store.runsDir);
    await withStoreAccess(store.root, () =>
      Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

    const names = folders.map((folder) => join(folder).slice(store.root.length + 1));
    environment.stdout.write(`removed ${names.join(', ')} from ${store.root}\n`);
    return 0;
  });
}
