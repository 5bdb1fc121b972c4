import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutMarkers } from './detect-layout.ts';

/**
 * The folder that holds the data set's files: the folder itself, or its single subfolder
 * (a zip such as ml-100k.zip unpacks to ml-100k/). Falls back to the folder given.
 */
export async function findLayoutDir(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  const markers = Object.values(layoutMarkers);
  if (entries.some((entry) => entry.isFile() && markers.includes(entry.name))) return dir;

  const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  if (folders.length === 1) {
    const inner = join(dir, folders[0].name);
    const innerFiles = await readdir(inner);
    if (innerFiles.some((name) => markers.includes(name))) return inner;
  }
  return dir;
}
