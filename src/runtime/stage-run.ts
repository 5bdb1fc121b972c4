import type { Observable } from 'rxjs';
import type { StageEmission } from '../core/events.ts';
import type { RunSettings } from '../core/stage.ts';

/** What a stage needs to run, as plain data that can cross into a worker thread. */
export interface PlainStageContext {
  params: unknown;
  inputs: Record<string, string | string[]>;
  outputs: Record<string, string>;
  run: RunSettings;
}

/** A stage being run in this thread or in a worker. */
export interface StageRun {
  /** Unsubscribing stops the stage: its signal aborts (a worker is told, then ended). */
  emissions: Observable<StageEmission>;
  /** Resolves once a stopped stage can no longer write to its output folders. */
  stopped(): Promise<void>;
}
