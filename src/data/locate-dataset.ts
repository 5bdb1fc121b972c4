import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../core/input-error.ts';
import type { RunSettings } from '../core/stage.ts';

/** Where a data set was found, before any download or unzipping. */
export type DatasetLocation =
  | { origin: 'path'; kind: 'dir' | 'zip'; path: string }
  | { origin: 'cache'; kind: 'dir'; path: string }
  | { origin: 'download'; kind: 'none'; path: string };

/**
 * Finds the data set a run reads: the run's --data (a folder or a zip), else the cache folder
 * <dataCacheDir>/<name>, else the place a download would go. Nothing is read or fetched here.
 */
export async function locateDataset(run: RunSettings, name: string): Promise<DatasetLocation> {
  if (run.dataPath) return locateGivenPath(run.dataPath);

  const cached = resolve(run.dataCacheDir, name);
  if (await isCompleteCache(cached)) return { origin: 'cache', kind: 'dir', path: cached };
  return { origin: 'download', kind: 'none', path: cached };
}

/** The marker the download writes last: a cache folder without it is not used. */
export const completeMarker = '.complete';

async function isCompleteCache(dir: string): Promise<boolean> {
  return access(join(dir, completeMarker)).then(() => true, () => false);
}

async function locateGivenPath(path: string): Promise<DatasetLocation> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) {
    throw new InputError({
      file: absolute,
      field: '--data',
      expected: 'an existing MovieLens folder or zip',
      received: 'nothing at that path',
    });
  }
  if (info.isDirectory()) return { origin: 'path', kind: 'dir', path: absolute };
  return { origin: 'path', kind: 'zip', path: absolute };
}
