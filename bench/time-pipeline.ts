import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PipelineTiming {
  command: string;
  /** Seconds until the child exited, or undefined when the pipeline could not be timed. */
  seconds?: number;
  exitCode?: number;
  note: string;
}

/**
 * Times the default pipeline end to end as a user runs it, in a child process. Until the
 * command and the pipeline exist the row says so instead of guessing.
 */
export async function timePipeline(repoRoot: string, dataDir: string): Promise<PipelineTiming> {
  const args = ['bin/recommender.js', 'run', 'movielens', '--data', dataDir];
  const command = `node ${args.join(' ')}`;
  const registry = join(repoRoot, 'src/pipelines/index.ts');
  const registered = existsSync(registry) && /movielens/.test(readFileSync(registry, 'utf8'));
  if (!registered) return { command, note: 'not available: no movielens pipeline registered yet' };

  const started = performance.now();
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn('node', args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.resume();
    child.on('close', (code) => resolve(code ?? -1));
  });
  const seconds = (performance.now() - started) / 1000;
  const note = exitCode === 0 ? 'completed' : `failed with exit code ${exitCode}`;
  return { command, seconds, exitCode, note };
}
