import { Observable } from 'rxjs';
import type { StageEmission } from '../core/events.ts';
import { ReportedError } from './error-info.ts';
import { PooledWorker } from './pooled-worker.ts';
import type { PlainStageContext, StageRun } from './stage-run.ts';
import type { WorkerReport } from './worker-message.ts';

export interface WorkerOptions {
  registryModule: string;
  progressIntervalMs: number;
  /** How long a worker told to abort may take before it is terminated. */
  graceMs: number;
}

type Waiter = (worker: PooledWorker) => void;

/**
 * At most `size` long-lived worker threads, started when first needed, each running one
 * stage at a time. Starting a thread (tsx, the registry, tfjs) costs seconds, so one run's
 * heavy nodes share them. A worker whose stage ignored `abort` past the grace period, or
 * that failed outside a stage, is terminated and replaced; `close` ends every thread.
 */
export class WorkerPool {
  readonly #options: WorkerOptions;
  readonly #size: number;
  #all = new Set<PooledWorker>();
  #idle: PooledWorker[] = [];
  #waiting: Waiter[] = [];
  #closed = false;

  constructor(options: WorkerOptions, size: number) {
    this.#options = options;
    this.#size = Math.max(1, size);
  }

  /** Runs a stage on the next free worker. Unsubscribing stops it as `StageRun` says. */
  run(stage: string, context: PlainStageContext): StageRun {
    let stopped: Promise<void> = Promise.resolve();

    const emissions = new Observable<StageEmission>((subscriber) => {
      let worker: PooledWorker | undefined;
      let run = 0;
      let ended = false;
      let endedAt!: () => void;
      const end = new Promise<void>((resolve) => (endedAt = resolve));

      const settle = (report: WorkerReport) => {
        if (report.type === 'emission') return void (ended || subscriber.next(report.emission));
        endedAt();
        if (ended) return this.#release(worker!);
        ended = true;
        this.#release(worker!);
        if (report.type === 'done') subscriber.complete();
        else subscriber.error(new ReportedError(report.error));
      };
      const lost = (error: Error) => {
        void worker!.exited.then(endedAt);
        if (!ended) subscriber.error(new Error(`${error.message} while running ${stage}`));
        ended = true;
      };

      const waiter: Waiter = (given) => {
        worker = given;
        run = given.start(stage, context, { report: settle, lost });
      };
      this.#acquire(waiter);

      return () => {
        if (ended) return;
        ended = true;
        if (!worker) return void this.#cancelWait(waiter);

        worker.abort(run);
        const stopping = worker;
        const timer = setTimeout(() => void stopping.terminate(), this.#options.graceMs);
        stopped = end.then(() => clearTimeout(timer));
      };
    });
    return { emissions, stopped: () => stopped };
  }

  /** Ends every thread, busy or idle; resolves once they have all exited. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting = [];
    await Promise.all([...this.#all].map((worker) => worker.terminate()));
  }

  #acquire(waiter: Waiter): void {
    if (this.#closed) throw new Error('the worker pool is closed');
    const idle = this.#idle.pop();
    if (idle) return waiter(idle);
    if (this.#all.size < this.#size) return waiter(this.#spawn());
    this.#waiting.push(waiter);
  }

  #cancelWait(waiter: Waiter): void {
    this.#waiting = this.#waiting.filter((other) => other !== waiter);
  }

  #release(worker: PooledWorker): void {
    if (worker.broken || this.#closed) return;
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#idle.push(worker);
  }

  #spawn(): PooledWorker {
    const { registryModule, progressIntervalMs } = this.#options;
    const worker = new PooledWorker({ registryModule, progressIntervalMs }, (gone) => {
      this.#forget(gone);
    });
    this.#all.add(worker);
    return worker;
  }

  /** A thread has exited: its place goes to a fresh one if a stage is waiting. */
  #forget(worker: PooledWorker): void {
    this.#all.delete(worker);
    this.#idle = this.#idle.filter((other) => other !== worker);
    if (this.#closed) return;
    const next = this.#waiting.shift();
    if (next) next(this.#spawn());
  }
}
