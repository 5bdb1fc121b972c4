import { parentPort, workerData } from 'node:worker_threads';
import type { StageDefinition } from '../core/stage.ts';
import { toErrorInfo } from './error-info.ts';
import { throttleProgress } from './throttle-progress.ts';
import type { StageWorkerData, WorkerCommand, WorkerReport } from './worker-message.ts';

// The body of a worker thread: one stage run, its emissions posted to the runner.
const data = workerData as StageWorkerData;
const port = parentPort!;
const post = (report: WorkerReport) => port.postMessage(report);
const controller = new AbortController();

try {
  const { stages } = (await import(data.registryModule)) as {
    stages: Record<string, StageDefinition>;
  };
  const stage = stages?.[data.stage];
  if (!stage) throw new Error(`stage ${data.stage} is not in ${data.registryModule}`);

  const subscription = stage
    .run({ ...data.context, signal: controller.signal })
    .pipe(throttleProgress(data.progressIntervalMs))
    .subscribe({
      next: (emission) => post({ type: 'emission', emission }),
      error: (error) => post({ type: 'error', error: toErrorInfo(error) }),
      complete: () => post({ type: 'done' }),
    });

  port.on('message', (command: WorkerCommand) => {
    if (command.type !== 'abort') return;
    controller.abort(new Error('cancelled'));
    subscription.unsubscribe();
    port.close();
  });
} catch (error) {
  post({ type: 'error', error: toErrorInfo(error) });
}
