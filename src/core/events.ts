/**
 * Everything a pipeline run says leaves it as one of these events. Stages never print: the
 * runner wraps what a stage emits with its node id, and the UI, the plain logger and the
 * run's events.jsonl are all just consumers of the same stream.
 */

/** What a stage itself may emit while it runs. */
export type StageEmission =
  | ProgressEmission
  | LogEmission
  | EpochEmission
  | SummaryEmission;

/** Work done so far inside the stage, e.g. batches of the current epoch or rows read. */
export interface ProgressEmission {
  type: 'progress';
  done: number;
  total: number;
  /** What is being counted: 'rows', 'batches', 'users', ... */
  unit: string;
  /** Optional short label, e.g. 'epoch 3/20'. */
  label?: string;
}

export interface LogEmission {
  type: 'log';
  level: 'info' | 'warn';
  message: string;
}

/** One finished training epoch. Trainers emit exactly one per epoch. */
export interface EpochEmission {
  type: 'epoch';
  epoch: number;
  /** The planned number of epochs; early stopping may end sooner. */
  epochs: number;
  loss: number;
  valLoss?: number;
  /** Further metrics of this epoch, e.g. { valRmse: 0.93 }. */
  metrics?: Record<string, number>;
  /** The best validation epoch so far (1-based). */
  bestEpoch: number;
  samplesPerSecond: number;
  durationMs: number;
}

/**
 * A small JSON-able result the stage wants shown and kept with its artifact (a results
 * table, counts, the backend used). The runner stores the last one in the entry's manifest,
 * so a stage served from the cache reports the same summary.
 */
export interface SummaryEmission {
  type: 'summary';
  data: Record<string, unknown>;
}

/** A failure, as data: formatted only at the edge (CLI, UI). */
export interface ErrorInfo {
  message: string;
  name?: string;
  file?: string;
  line?: number;
  field?: string;
  expected?: string;
  received?: string;
}

/** Node-level events: a stage emission tagged with the node that produced it. */
export type NodeEvent =
  | { type: 'node-started'; node: string; stage: string; key: string; at: number }
  | { type: 'node-cached'; node: string; stage: string; key: string; at: number;
      summary?: Record<string, unknown> }
  | { type: 'node-finished'; node: string; stage: string; key: string; at: number;
      durationMs: number; summary?: Record<string, unknown> }
  | { type: 'node-failed'; node: string; stage: string; at: number; error: ErrorInfo }
  | { type: 'node-cancelled'; node: string; stage: string; at: number }
  | ({ node: string; at: number } & StageEmission);

export interface PlannedNode {
  id: string;
  stage: string;
  dependsOn: string[];
}

/** Run-level events frame the node events. */
export type RunEvent =
  | { type: 'run-started'; runId: string; pipeline: string; nodes: PlannedNode[];
      backend?: string; at: number }
  | NodeEvent
  | { type: 'run-finished'; runId: string; ok: boolean; durationMs: number; at: number;
      error?: ErrorInfo; results?: Record<string, unknown> };
