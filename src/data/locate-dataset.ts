import { access, open, stat } from 'node:fs/promises';
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
  if (!(await startsLikeZip(absolute))) {
    throw new InputError({
      file: absolute,
      field: '--data',
      expected: 'a MovieLens folder or a zip of one (for a single file such as u.data, ' +
        'pass the folder that holds it)',
      received: 'a file that is not a zip',
    });
  }
  return { origin: 'path', kind: 'zip', path: absolute };
}

/** A zip starts with a local file header, or with the end record when it is empty. */
async function startsLikeZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    const signature = bytesRead === 4 ? buffer.readUInt32LE(0) : 0;
    return signature === 0x04034b50 || signature === 0x06054b50;
  } finally {
    await file.close();
  }
}
