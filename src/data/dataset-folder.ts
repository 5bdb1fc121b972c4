import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSettings } from '../core/stage.ts';
import type { DatasetMeta } from './dataset-meta.ts';
import { downloadDataset } from './download-dataset.ts';
import { findLayoutDir } from './find-layout-dir.ts';
import { folderFingerprint } from './folder-fingerprint.ts';
import { completeMarker, locateDataset } from './locate-dataset.ts';
import { officialSource, type OfficialDatasetName } from './official-datasets.ts';
import { extractZip } from './zip-reader.ts';

export interface FoundDataset {
  /** The folder holding the layout's files. */
  dir: string;
  origin: DatasetMeta['origin'];
  /** Removes what finding it unpacked (a --data zip goes to a temporary folder). */
  cleanup(): Promise<void>;
}

interface FindOptions {
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** Makes the run's data set available as a folder: --data, the cache, or a download. */
export async function datasetFolder(
  run: RunSettings,
  source: OfficialDatasetName,
  options: FindOptions = {},
): Promise<FoundDataset> {
  const location = await locateDataset(run, source);
  const nothing = async () => {};

  if (location.kind === 'dir') {
    return { dir: await findLayoutDir(location.path), origin: location.origin, cleanup: nothing };
  }

  if (location.kind === 'zip') {
    const into = await mkdtemp(join(tmpdir(), 'recommender-data-'));
    const cleanup = () => rm(into, { recursive: true, force: true });
    try {
      await extractZip(location.path, into, options.signal);
      return { dir: await findLayoutDir(into), origin: 'path', cleanup };
    } catch (error) {
      // The caller only gets cleanup() on success: a bad or cancelled zip must not leave files.
      await cleanup();
      throw error;
    }
  }

  const { url, md5 } = officialSource(source);
  options.log?.(`no data found: downloading ${url} into ${run.dataCacheDir}`);
  const dir = await downloadDataset({
    url, md5, cacheDir: run.dataCacheDir, name: source, signal: options.signal,
  });
  return { dir: await findLayoutDir(dir), origin: 'download', cleanup: nothing };
}

/**
 * What the ingest stage will read, as a digest for its cache key, without downloading: a
 * cached or downloaded official data set is known by its verified MD5.
 */
export async function datasetFingerprint(
  run: RunSettings,
  source: OfficialDatasetName,
): Promise<string> {
  const location = await locateDataset(run, source);
  if (location.kind === 'zip') return `zip:${await folderFingerprint(location.path)}`;
  if (location.origin === 'path') {
    return `dir:${await folderFingerprint(await findLayoutDir(location.path))}`;
  }

  if (location.origin === 'cache') {
    return (await readFile(join(location.path, completeMarker), 'utf8')).trim();
  }
  return `${source}:${officialSource(source).md5}`;
}
