import { parentPort, workerData } from 'node:worker_threads';
import type { StageDefinition } from '../core/stage.ts';
import { toErrorInfo } from './error-info.ts';
import { throttleProgress } from './throttle-progress.ts';
import type { StageWorkerData, WorkerCommand, WorkerReport } from './worker-message.ts';

// The body of a pooled worker thread: stage runs one after another, each reported by its id.
const data = workerData as StageWorkerData;
const port = parentPort!;
const post = (report: WorkerReport) => port.postMessage(report);
let registry: Promise<Record<string, StageDefinition>> | undefined;
let current: { run: number; controller: AbortController } | undefined;

port.on('message', (command: WorkerCommand) => {
  if (command.type === 'run') void start(command);
  else if (current?.run === command.run) current.controller.abort(new Error('cancelled'));
});

async function loadRegistry(): Promise<Record<string, StageDefinition>> {
  const module = (await import(data.registryModule)) as {
    stages?: Record<string, StageDefinition>;
  };
  return module.stages ?? {};
}

async function start({ run, stage: name, context }: Extract<WorkerCommand, { type: 'run' }>) {
  const controller = new AbortController();
  current = { run, controller };
  try {
    registry ??= loadRegistry();
    const stage = (await registry)[name];
    if (!stage) throw new Error(`stage ${name} is not in ${data.registryModule}`);

    // An aborted stage is not unsubscribed: its end (done or error) tells the runner that it
    // has stopped writing, so the worker can be reused and the node's folder removed.
    stage
      .run({ ...context, signal: controller.signal })
      .pipe(throttleProgress(data.progressIntervalMs))
      .subscribe({
        next: (emission) => {
          if (!controller.signal.aborted) post({ type: 'emission', run, emission });
        },
        error: (error) => post({ type: 'error', run, error: toErrorInfo(error) }),
        complete: () => post({ type: 'done', run }),
      });
  } catch (error) {
    post({ type: 'error', run, error: toErrorInfo(error) });
  }
}
