import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunEvent } from '../core/events.ts';

/**
 * The folder of one run, `runs/<timestamp>-<pipeline>/`: every event in events.jsonl as it
 * happens (written synchronously, so a killed run leaves its log up to the kill), then
 * results.json, and `runs/latest` pointing at the newest run from the moment it starts (so a
 * running or killed run can be followed and replayed as `latest`).
 */
export class RunRecorder {
  readonly runId: string;
  readonly dir: string;
  private fd: number | undefined;

  private constructor(runsDir: string, runId: string) {
    this.runId = runId;
    this.dir = join(runsDir, runId);
    this.fd = openSync(join(this.dir, 'events.jsonl'), 'a');
  }

  /** Claims a fresh folder: mkdir is exclusive, so concurrent runs never share one. */
  static async create(runsDir: string, pipeline: string, at = new Date()): Promise<RunRecorder> {
    await mkdir(runsDir, { recursive: true });
    const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-');

    for (let attempt = 0; ; attempt += 1) {
      const runId = `${stamp}-${pipeline}${attempt ? `-${attempt}` : ''}`;
      try {
        await mkdir(join(runsDir, runId));
        const recorder = new RunRecorder(runsDir, runId);
        await pointLatest(runsDir, runId);
        return recorder;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  record(event: RunEvent): void {
    if (this.fd !== undefined) writeSync(this.fd, `${JSON.stringify(event)}\n`);
  }

  /** Writes results.json (atomically). */
  async writeResults(results: unknown): Promise<void> {
    const file = join(this.dir, 'results.json');
    await writeFile(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Renames a fresh symlink over `runs/latest`, so a reader never finds it missing. Best
 * effort: a store on a file system without symlinks still runs, without `latest`.
 */
async function pointLatest(runsDir: string, runId: string): Promise<void> {
  const link = join(runsDir, `latest.${process.pid}.tmp`);
  await rm(link, { force: true });
  await symlink(runId, link).catch(() => undefined);
  await rename(link, join(runsDir, 'latest')).catch(() => undefined);
}
