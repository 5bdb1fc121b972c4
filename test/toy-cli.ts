import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliEnvironment } from '../src/cli/cli-environment.ts';
import { runCli } from '../src/cli/run-cli.ts';
import { pipelines, registryModule, stages } from './runtime-toy-stages.ts';
import * as withTraining from './ui-toy-training.ts';

/**
 * The CLI with the test-only stages and pipelines: in this process with both streams
 * captured (`cli`), or in a child process of its own (`startCli`), for which this file is
 * also the script.
 */

const script = fileURLToPath(import.meta.url);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with the toy stages, capturing both streams. */
export async function cli(...argv: string[]): Promise<Omit<CliResult, 'signal'>> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({
    write(chunk, _, done) {
      append(String(chunk));
      done();
    },
  });
  const code = await runCli(argv, { stages, pipelines, registryModule,
    stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}

export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliResult>;
  /** Resolves once stdout holds text matching `pattern`; rejects if the CLI exits first. */
  waitForOutput(pattern: RegExp): Promise<void>;
}

/** Starts the CLI (toy stages plus the pretend trainer) in a child process, streams piped. */
export function startCli(args: string[]): StartedCli {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    for (const waiter of waiters.filter((w) => w.pattern.test(stdout))) waiter.resolve();
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));

  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const waitForOutput = (pattern: RegExp) => new Promise<void>((resolve, reject) => {
    if (pattern.test(stdout)) return resolve();
    waiters.push({ pattern, resolve });
    done.then(() => reject(new Error(`exited before ${pattern}:\n${stdout}\n${stderr}`)));
  });
  return { child, done, waitForOutput };
}

export function runCliProcess(args: string[]): Promise<CliResult> {
  return startCli(args).done;
}

function childEnvironment(): CliEnvironment {
  return { stages: withTraining.stages, pipelines, registryModule: withTraining.registryModule,
    stdout: process.stdout, stderr: process.stderr };
}

// Started as a script by startCli: this process is the CLI.
if (process.argv[1] === script) {
  process.exitCode = await runCli(process.argv.slice(2), childEnvironment());
}
