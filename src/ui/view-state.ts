import type { ErrorInfo } from '../core/events.ts';
import type { ResultTable } from './find-tables.ts';

/** Where a node of the plan stands, as far as the events have told. */
export type NodeStatus = 'waiting' | 'running' | 'cached' | 'done' | 'failed' | 'cancelled';

/** Counted work inside a running node, with the window its rate is measured over. */
export interface ProgressView {
  done: number;
  total: number;
  unit: string;
  label?: string;
  at: number;
  /** Start of the current pass (a new epoch resets it), for the rate and the time left. */
  windowDone: number;
  windowAt: number;
}

/** What the epoch emissions of a training node have said so far. */
export interface TrainingView {
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
  bestEpoch: number;
  samplesPerSecond: number;
  /** Training and validation loss per epoch, oldest first, for the loss curve. */
  losses: number[];
  valLosses: number[];
  totalEpochMs: number;
}

export interface NodeView {
  id: string;
  stage: string;
  status: NodeStatus;
  startedAt?: number;
  endedAt?: number;
  durationMs?: number;
  error?: ErrorInfo;
  summary?: Record<string, unknown>;
  progress?: ProgressView;
  training?: TrainingView;
}

export interface LogLine {
  node?: string;
  level: 'info' | 'warn';
  message: string;
  at: number;
}

export interface RunOutcome {
  ok: boolean;
  durationMs: number;
  error?: ErrorInfo;
}

/** Everything the UI and the plain logger show, folded from the events alone. */
export interface ViewState {
  runId?: string;
  pipeline?: string;
  backend?: string;
  startedAt?: number;
  /** Time of the latest event: "now" as far as the stream is concerned. */
  lastAt?: number;
  /** Node ids in plan order, then in order of first appearance. */
  order: string[];
  nodes: Record<string, NodeView>;
  /** The most recent log lines, newest last. */
  logs: LogLine[];
  /**
   * Every table the results or a final node's summary carried, by title, in order of arrival.
   * Tables of nodes that feed others (each split's evaluation) are left out: the final
   * report's table holds their rows, and the main job would otherwise end in 35 tables.
   */
  tables: ResultTable[];
  /** Nodes some other planned node depends on, from run-started. */
  feeding: Record<string, true>;
  finished?: RunOutcome;
  /** The user asked to stop; the runtime is cancelling the running stages. */
  cancelling: boolean;
}

/** How many log lines the view keeps; older ones scroll away. */
export const KEPT_LOG_LINES = 5;

export function initialViewState(): ViewState {
  return { order: [], nodes: {}, logs: [], tables: [], feeding: {}, cancelling: false };
}
