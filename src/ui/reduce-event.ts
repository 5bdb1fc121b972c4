import type { EpochEmission, ProgressEmission, RunEvent } from '../core/events.ts';
import { findTables, type ResultTable } from './find-tables.ts';
import {
  KEPT_LOG_LINES,
  type NodeView,
  type ProgressView,
  type TrainingView,
  type ViewState,
} from './view-state.ts';

/** Something the UI itself did, folded like an event: the user pressed Ctrl-C. */
export interface CancelRequested {
  type: 'cancel-requested';
}

export type ViewAction = RunEvent | CancelRequested;

/** Folds one event into the view state. Pure: the old state is never changed. */
export function reduceEvent(state: ViewState, action: ViewAction): ViewState {
  if (action.type === 'cancel-requested') return { ...state, cancelling: true };

  const next = { ...state, lastAt: Math.max(state.lastAt ?? action.at, action.at) };
  switch (action.type) {
    case 'run-started':
      return startRun(next, action);
    case 'run-finished': {
      const { ok, durationMs, error } = action;
      const tables = addTables(next.tables, findTables(action.results, 'results'));
      return { ...next, finished: { ok, durationMs, error }, tables };
    }
    case 'log':
      return addLog(next, action.node, action.level, action.message, action.at);
    case 'summary':
      return withSummary(next, action.node, action.data);
    case 'progress':
      return updateNode(next, action.node, (node) => ({
        ...node,
        progress: nextProgress(node.progress, action),
      }));
    case 'epoch':
      return updateNode(next, action.node, (node) => ({
        ...node,
        training: nextTraining(node.training, action),
      }));
    default:
      return reduceNodeEvent(next, action);
  }
}

type StatusEvent = Extract<
  RunEvent,
  { type: 'node-started' | 'node-cached' | 'node-finished' | 'node-failed' | 'node-cancelled' }
>;

function reduceNodeEvent(state: ViewState, event: StatusEvent): ViewState {
  const { node: id, stage, at } = event;
  switch (event.type) {
    case 'node-started':
      return updateNode(state, id, (node) => ({
        ...node, stage, status: 'running', startedAt: at, endedAt: undefined, error: undefined,
      }));
    case 'node-cached': {
      const cached = updateNode(state, id, (node) => ({
        ...node, stage, status: 'cached', endedAt: at,
      }));
      return event.summary ? withSummary(cached, id, event.summary) : cached;
    }
    case 'node-finished': {
      const done = updateNode(state, id, (node) => ({
        ...node, stage, status: 'done', endedAt: at, durationMs: event.durationMs,
        progress: undefined,
      }));
      return event.summary ? withSummary(done, id, event.summary) : done;
    }
    case 'node-failed':
      return updateNode(state, id, (node) => ({
        ...node, stage, status: 'failed', endedAt: at, error: event.error,
      }));
    case 'node-cancelled':
      return updateNode(state, id, (node) => ({
        ...node, stage, status: 'cancelled', endedAt: at,
      }));
  }
}

function startRun(state: ViewState, event: Extract<RunEvent, { type: 'run-started' }>) {
  const nodes = { ...state.nodes };
  const order = [...state.order];
  const feeding = { ...state.feeding };
  for (const planned of event.nodes) {
    for (const input of planned.dependsOn) feeding[input] = true;
    if (!nodes[planned.id]) order.push(planned.id);
    nodes[planned.id] ??= { id: planned.id, stage: planned.stage, status: 'waiting' };
  }

  return {
    ...state,
    runId: event.runId,
    pipeline: event.pipeline,
    feeding,
    backend: event.backend ?? state.backend,
    startedAt: event.at,
    order,
    nodes,
  };
}

/** Applies `change` to one node, creating it if the plan did not name it. */
function updateNode(
  state: ViewState,
  id: string,
  change: (node: NodeView) => NodeView,
): ViewState {
  const existing = state.nodes[id];
  const node = existing ?? { id, stage: '', status: 'waiting' as const };
  const order = existing ? state.order : [...state.order, id];
  return { ...state, order, nodes: { ...state.nodes, [id]: change(node) } };
}

function withSummary(state: ViewState, id: string, summary: Record<string, unknown>) {
  const updated = updateNode(state, id, (node) => ({ ...node, summary }));
  const backend = typeof summary.backend === 'string' ? summary.backend : state.backend;
  if (state.feeding[id]) return { ...updated, backend };
  return { ...updated, backend, tables: addTables(state.tables, findTables(summary, id)) };
}

/** A table seen again under the same title replaces the old one; the same rows are shown once. */
function addTables(tables: ResultTable[], found: ResultTable[]): ResultTable[] {
  let result = tables;
  for (const table of found) {
    const rows = JSON.stringify([table.columns, table.rows]);
    const same = result.find((t) => t.title !== table.title &&
      JSON.stringify([t.columns, t.rows]) === rows);
    if (same) continue;
    result = [...result.filter((t) => t.title !== table.title), table];
  }
  return result;
}

// Stages name their backend in a log line such as "backend: wasm", "using backend cpu" or
// "training on the wasm backend".
const BACKEND_NAMED = /\bbackend(?:\s+is)?\s*[:=]?\s*["']?([a-z][\w-]*)/i;
const BACKEND_BEFORE = /\b([a-z]+) backend\b/i;

function addLog(
  state: ViewState,
  node: string,
  level: 'info' | 'warn',
  message: string,
  at: number,
): ViewState {
  const logs = [...state.logs, { node, level, message, at }].slice(-KEPT_LOG_LINES);
  const backend = BACKEND_NAMED.exec(message)?.[1] ?? BACKEND_BEFORE.exec(message)?.[1] ??
    state.backend;
  return { ...state, logs, backend };
}

function nextProgress(previous: ProgressView | undefined, event: ProgressEmission & {
  at: number;
}): ProgressView {
  const { done, total, unit, label, at } = event;
  const newPass = !previous || previous.label !== label || previous.unit !== unit ||
    done < previous.done;
  const windowDone = newPass ? done : previous.windowDone;
  const windowAt = newPass ? at : previous.windowAt;
  return { done, total, unit, label, at, windowDone, windowAt };
}

function nextTraining(previous: TrainingView | undefined, event: EpochEmission): TrainingView {
  const losses = [...(previous?.losses ?? []), event.loss];
  const valLosses = event.valLoss === undefined
    ? previous?.valLosses ?? []
    : [...(previous?.valLosses ?? []), event.valLoss];

  return {
    epoch: event.epoch,
    epochs: event.epochs,
    loss: event.loss,
    valLoss: event.valLoss,
    bestEpoch: event.bestEpoch,
    samplesPerSecond: event.samplesPerSecond,
    losses,
    valLosses,
    totalEpochMs: (previous?.totalEpochMs ?? 0) + event.durationMs,
  };
}
