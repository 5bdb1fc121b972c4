import { defer, Observable } from 'rxjs';
import type { StageEmission } from '../core/events.ts';
import type { StageDefinition } from '../core/stage.ts';
import type { PlainStageContext, StageRun } from './stage-run.ts';

/**
 * Runs a stage in this thread with a signal that aborts when its emissions are unsubscribed
 * before they end. A stage that ignores the signal may still be finishing a write when
 * `stopped` resolves; the runner removes its folder anyway and a later sweep catches the rest.
 */
export function runInProcess(stage: StageDefinition, context: PlainStageContext): StageRun {
  const emissions = new Observable<StageEmission>((subscriber) => {
    const controller = new AbortController();
    let ended = false;
    const subscription = defer(() => stage.run({ ...context, signal: controller.signal }))
      .subscribe({
        next: (emission) => subscriber.next(emission),
        error: (error) => ((ended = true), subscriber.error(error)),
        complete: () => ((ended = true), subscriber.complete()),
      });

    return () => {
      if (!ended) controller.abort(new Error('cancelled'));
      subscription.unsubscribe();
    };
  });
  return { emissions, stopped: () => new Promise((resolve) => setImmediate(resolve)) };
}
