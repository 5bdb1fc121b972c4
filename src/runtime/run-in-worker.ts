import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Observable } from 'rxjs';
import type { StageEmission } from '../core/events.ts';
import { ReportedError } from './error-info.ts';
import type { PlainStageContext, StageRun } from './stage-run.ts';
import type { StageWorkerData, WorkerReport } from './worker-message.ts';

const entry = new URL('./stage-worker.js', import.meta.url);

export interface WorkerOptions {
  registryModule: string;
  progressIntervalMs: number;
  /** How long a worker told to abort may take before it is terminated. */
  graceMs: number;
}

/**
 * Runs a stage in a worker thread. Stopping posts `abort`, then terminates the worker after
 * the grace period; `stopped` resolves when the thread has exited, so nothing writes after.
 */
export function runInWorker(
  stageName: string,
  context: PlainStageContext,
  options: WorkerOptions,
): StageRun {
  let exited: Promise<unknown> = Promise.resolve();

  const emissions = new Observable<StageEmission>((subscriber) => {
    const workerData: StageWorkerData = { registryModule: options.registryModule,
      stage: stageName, context, progressIntervalMs: options.progressIntervalMs };
    // Stages never print; whatever a library prints in the worker goes to stderr, so a
    // --json run keeps stdout clean.
    const worker = new Worker(entry, { workerData, stdout: true });
    worker.stdout.pipe(process.stderr);
    exited = once(worker, 'exit');
    let ended = false;

    const end = () => {
      ended = true;
      void worker.terminate();
    };
    worker.on('message', (report: WorkerReport) => {
      if (report.type === 'emission') subscriber.next(report.emission);
      else if (report.type === 'done') (end(), subscriber.complete());
      else (end(), subscriber.error(new ReportedError(report.error)));
    });
    worker.on('error', (error) => (end(), subscriber.error(error)));
    worker.on('exit', (code) => {
      if (ended) return;
      subscriber.error(new Error(`the worker of ${stageName} exited with code ${code}`));
    });

    return () => {
      if (ended) return;
      ended = true;
      worker.postMessage({ type: 'abort' });
      const timer = setTimeout(() => void worker.terminate(), options.graceMs);
      void exited.then(() => clearTimeout(timer));
    };
  });
  return { emissions, stopped: () => exited.then(() => undefined) };
}
