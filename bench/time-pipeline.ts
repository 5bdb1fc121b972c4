import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PipelineTiming {
  command: string;
  /** Seconds until the child exited, or undefined when the pipeline could not be timed. */
  seconds?: number;
  exitCode?: number;
  note: string;
}

/**
 * Times the default pipeline end to end as a user runs it, in a child process, with a fresh
 * artifact store so that no earlier run's cache shortens it. Until the command and the
 * pipeline exist the row says so instead of guessing; a run longer than `limitSeconds` is
 * stopped and reported as such.
 */
export async function timePipeline(
  repoRoot: string,
  dataDir: string,
  limitSeconds: number,
): Promise<PipelineTiming> {
  const store = mkdtempSync(join(tmpdir(), 'bench-artifacts-'));
  const args = ['bin/recommender.js', 'run', 'movielens', '--data', dataDir, '--artifacts', store];
  const command = `node ${args.join(' ')}`;
  const registry = join(repoRoot, 'src/pipelines/index.ts');
  const registered = existsSync(registry) && /movielens/.test(readFileSync(registry, 'utf8'));
  if (!registered) return { command, note: 'not available: no movielens pipeline registered yet' };

  const started = performance.now();
  let stopped = false;
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn('node', args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => { stopped = true; child.kill('SIGINT'); }, limitSeconds * 1000);
    child.stderr.resume();
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(store, { recursive: true, force: true });

  const note = stopped ? `stopped after the ${limitSeconds} s limit, unfinished`
    : exitCode === 0 ? 'completed' : `failed with exit code ${exitCode}`;
  return { command, seconds, exitCode, note };
}
