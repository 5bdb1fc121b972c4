import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EntryManifest } from './entry-manifest.ts';

/** A stage's private output folder, not yet visible in the store. */
export interface PendingEntry {
  key: string;
  dir: string;
  /** Output name to empty directory. */
  outputs: Record<string, string>;
}

const tmpNamePattern = /^([0-9a-f]+)\.(\d+)\.[0-9a-f]+$/;

/**
 * Content-addressed store: `entries/<key>/` holds one folder per output and manifest.json.
 * An entry is built in `tmp/<key>.<pid>.<random>/` and renamed into place in one step, so
 * a reader sees either nothing or the whole entry, whenever the writer dies.
 */
export class ArtifactStore {
  readonly root: string;
  readonly entriesDir: string;
  readonly tmpDir: string;
  readonly runsDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.entriesDir = join(this.root, 'entries');
    this.tmpDir = join(this.root, 'tmp');
    this.runsDir = join(this.root, 'runs');
  }

  entryDir(key: string): string {
    return join(this.entriesDir, key);
  }

  outputDir(key: string, output: string): string {
    return join(this.entriesDir, key, output);
  }

  /** The manifest of a complete entry, or undefined when there is none. */
  async readManifest(key: string): Promise<EntryManifest | undefined> {
    try {
      return JSON.parse(await readFile(join(this.entryDir(key), 'manifest.json'), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Creates a private temporary entry with one empty folder per output. */
  async begin(key: string, outputs: string[]): Promise<PendingEntry> {
    const name = `${key}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const dir = join(this.tmpDir, name);
    await mkdir(dir, { recursive: true });
    await mkdir(this.entriesDir, { recursive: true });

    const folders = outputs.map((output) => [output, join(dir, output)] as const);
    await Promise.all(folders.map(([, folder]) => mkdir(folder)));
    return { key, dir, outputs: Object.fromEntries(folders) };
  }

  /**
   * Writes the manifest and moves the entry into place. When another process committed the
   * same key first, its entry wins (same key, same content) and this copy is dropped.
   */
  async commit(pending: PendingEntry, manifest: EntryManifest): Promise<'written' | 'existing'> {
    await writeFile(join(pending.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    try {
      await rename(pending.dir, this.entryDir(pending.key));
      return 'written';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      await this.discard(pending);
      return 'existing';
    }
  }

  async discard(pending: PendingEntry): Promise<void> {
    await rm(pending.dir, { recursive: true, force: true });
  }

  /**
   * Removes temporary entries of processes that no longer run (a killed run leaves them) and
   * any entry folder without a manifest, which no commit of this store can produce.
   */
  async sweep(): Promise<string[]> {
    const removed: string[] = [];
    for (const name of await listDir(this.tmpDir)) {
      const match = tmpNamePattern.exec(name);
      if (match && isAlive(Number(match[2]))) continue;
      await rm(join(this.tmpDir, name), { recursive: true, force: true });
      removed.push(join('tmp', name));
    }

    for (const key of await listDir(this.entriesDir)) {
      if (await this.readManifest(key).catch(() => undefined)) continue;
      await rm(this.entryDir(key), { recursive: true, force: true });
      removed.push(join('entries', key));
    }
    return removed;
  }

  /** The keys of every complete entry. */
  async keys(): Promise<string[]> {
    const keys = await listDir(this.entriesDir);
    const manifests = await Promise.all(keys.map((key) => this.readManifest(key)));
    return keys.filter((_, index) => manifests[index] !== undefined);
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Signal 0 only asks whether the process exists; EPERM means it does, owned by another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
