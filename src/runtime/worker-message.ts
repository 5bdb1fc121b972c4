import type { ErrorInfo, StageEmission } from '../core/events.ts';
import type { PlainStageContext } from './stage-run.ts';

/** What the runner hands a stage worker at start. */
export interface StageWorkerData {
  /** URL of a module exporting `stages`, the registry the stage is looked up in. */
  registryModule: string;
  stage: string;
  context: PlainStageContext;
  progressIntervalMs: number;
}

/** Worker to runner. */
export type WorkerReport =
  | { type: 'emission'; emission: StageEmission }
  | { type: 'done' }
  | { type: 'error'; error: ErrorInfo };

/** Runner to worker. */
export type WorkerCommand = { type: 'abort' };
