import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { PlainStageContext } from './stage-run.ts';
import type { StageWorkerData, WorkerReport } from './worker-message.ts';

const entry = new URL('./stage-worker.js', import.meta.url);

/** How the current stage run of a worker hears of its reports and of the thread's end. */
export interface RunListener {
  report(report: WorkerReport): void;
  lost(error: Error): void;
}

/**
 * One long-lived worker thread that runs one stage at a time. It is `broken` once the thread
 * has failed, exited, or been told to end; a broken worker is never given another stage.
 */
export class PooledWorker {
  readonly exited: Promise<void>;
  #worker: Worker;
  #listener: RunListener | undefined;
  #run = 0;
  #broken = false;

  constructor(data: StageWorkerData, onExit: (worker: PooledWorker) => void) {
    // Stages never print; whatever a library prints in the worker goes to stderr, so a
    // --json run keeps stdout clean.
    this.#worker = new Worker(entry, { workerData: data, stdout: true });
    this.#worker.stdout.pipe(process.stderr);
    this.#worker.unref();
    this.exited = once(this.#worker, 'exit').then(() => undefined);

    this.#worker.on('message', (report: WorkerReport) => this.#receive(report));
    this.#worker.on('error', (error) => this.#lose(error));
    this.#worker.on('exit', (code) => {
      this.#lose(new Error(`the worker exited with code ${code}`));
      onExit(this);
    });
  }

  get broken(): boolean {
    return this.#broken;
  }

  /** Starts a stage; the returned id names it in `abort`. */
  start(stage: string, context: PlainStageContext, listener: RunListener): number {
    this.#run += 1;
    this.#listener = listener;
    // A busy worker keeps the process alive; an idle one must not.
    this.#worker.ref();
    this.#worker.postMessage({ type: 'run', run: this.#run, stage, context });
    return this.#run;
  }

  abort(run: number): void {
    if (run === this.#run) this.#worker.postMessage({ type: 'abort', run });
  }

  /** Ends the thread; `exited` resolves once nothing in it can write any more. */
  terminate(): Promise<void> {
    this.#broken = true;
    void this.#worker.terminate();
    return this.exited;
  }

  #receive(report: WorkerReport): void {
    // A report of any other run means the worker is out of step: it is not trusted again.
    if (report.run !== this.#run || !this.#listener) return void this.terminate();

    const listener = this.#listener;
    if (report.type !== 'emission') this.#idle();
    listener.report(report);
  }

  #idle(): void {
    this.#listener = undefined;
    this.#worker.unref();
  }

  #lose(error: Error): void {
    this.#broken = true;
    const listener = this.#listener;
    this.#idle();
    listener?.lost(error);
  }
}
