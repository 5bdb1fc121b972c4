import type { ErrorInfo, StageEmission } from '../core/events.ts';
import type { PlainStageContext } from './stage-run.ts';

/** What the runner hands a stage worker at start; the stages come later, one `run` each. */
export interface StageWorkerData {
  /** URL of a module exporting `stages`, the registry the stage is looked up in. */
  registryModule: string;
  progressIntervalMs: number;
}

/** Worker to runner; `run` names the stage run the report belongs to. */
export type WorkerReport =
  | { type: 'emission'; run: number; emission: StageEmission }
  | { type: 'done'; run: number }
  | { type: 'error'; run: number; error: ErrorInfo };

/**
 * Runner to worker. A worker runs one stage at a time; after `abort` it still reports `done`
 * or `error` once the stage has really ended, which is when the runner may reuse it.
 */
export type WorkerCommand =
  | { type: 'run'; run: number; stage: string; context: PlainStageContext }
  | { type: 'abort'; run: number };
