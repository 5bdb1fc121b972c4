import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A digest of the names, sizes and modification times of the files in a folder (or of one
 * file): cheap to compute, and it changes whenever a file is replaced or edited.
 */
export async function folderFingerprint(path: string): Promise<string> {
  const hash = createHash('sha256');
  const info = await stat(path);
  if (!info.isDirectory()) {
    hash.update(`${info.size}:${info.mtimeMs}`);
    return hash.digest('hex');
  }

  const names = (await readdir(path)).sort();
  for (const name of names) {
    const file = await stat(join(path, name));
    if (file.isFile()) hash.update(`${name}:${file.size}:${file.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
