import { availableParallelism } from 'node:os';
import {
  catchError, concat, defer, EMPTY, finalize, from, fromEvent, mergeMap, of, type Observable,
  switchMap, take, takeUntil, tap,
} from 'rxjs';
import type { ErrorInfo, RunEvent } from '../core/events.ts';
import type { RunSettings } from '../core/stage.ts';
import type { ArtifactStore } from './artifact-store.ts';
import { withStoreAccess } from './store-access-error.ts';
import { computeKeys } from './cache-key.ts';
import { CancelledError, toErrorInfo } from './error-info.ts';
import type { PipelinePlan } from './pipeline-plan.ts';
import { RunRecorder } from './run-recorder.ts';
import { runNode, type NodeRunContext } from './run-node.ts';
import { scheduleDag } from './schedule-dag.ts';
import { WorkerPool, type WorkerOptions } from './worker-pool.ts';

export interface RunOptions {
  store: ArtifactStore;
  settings: RunSettings;
  /** Run `heavy` stages in worker threads (default true; false helps debugging). */
  workers?: boolean;
  /** URL of the module exporting the `stages` registry workers look stages up in. */
  registryModule?: string;
  /** Aborting it stops the run: running nodes are cancelled, then run-finished follows. */
  signal?: AbortSignal;
  /** At most one progress event per node per interval (default 100 ms). */
  progressIntervalMs?: number;
  /** How long an aborted worker may take before it is terminated (default 2 s). */
  workerGraceMs?: number;
}

/** What results.json holds, and what `--json` prints. */
export interface RunResults {
  runId: string;
  pipeline: string;
  ok: boolean;
  durationMs: number;
  error?: ErrorInfo;
  /** Summaries of the sink nodes, by node id. */
  results: Record<string, unknown>;
  /** For each node: cached, finished, failed, cancelled or not run; and its key. */
  nodes: Record<string, { stage: string; key: string; status: string }>;
}

const defaultRegistry = new URL('../stages/index.ts', import.meta.url).href;

/**
 * Runs a plan as one stream of events: run-started, node events as the DAG unfolds (at most
 * `settings.concurrency` nodes at once), then run-finished. Files written: store entries and
 * the run folder. Unsubscribing stops everything; prefer `signal`, which also reports.
 */
export function runPipeline(plan: PipelinePlan, options: RunOptions): Observable<RunEvent> {
  return defer(() => from(prepare(plan, options))).pipe(
    switchMap(({ keys, recorder }) => execute(plan, options, keys, recorder)),
  );
}

async function prepare(plan: PipelinePlan, options: RunOptions) {
  const { store } = options;
  await withStoreAccess(store.root, () => store.sweep());
  const keys = await computeKeys(plan, options.settings);
  const recorder = await withStoreAccess(store.root,
    () => RunRecorder.create(store.runsDir, plan.name));
  return { keys, recorder };
}

function execute(
  plan: PipelinePlan,
  options: RunOptions,
  keys: Map<string, string>,
  recorder: RunRecorder,
): Observable<RunEvent> {
  const startedAt = Date.now();
  const status = new Map<string, string>();
  const cancelled: { node: string; cleaned: Promise<void> }[] = [];
  let failure: unknown;

  const concurrency = options.settings.concurrency || availableParallelism();
  const worker: WorkerOptions = { registryModule: options.registryModule ?? defaultRegistry,
    progressIntervalMs: options.progressIntervalMs ?? 100,
    graceMs: options.workerGraceMs ?? 2000 };
  const pool = options.workers ?? true ? new WorkerPool(worker, concurrency) : undefined;
  const context: NodeRunContext = {
    pipeline: plan.name, store: options.store, settings: options.settings, keys, pool, worker,
    summaries: new Map(),
    onCancelled: (node, cleaned) => cancelled.push({ node, cleaned }),
  };
  const byId = new Map(plan.nodes.map((node) => [node.id, node]));
  const signal = options.signal;
  const aborted$ = defer(() => {
    if (!signal) return EMPTY;
    return signal.aborted ? of(true) : fromEvent(signal, 'abort').pipe(take(1));
  });

  const nodes$ = scheduleDag(plan.nodes, concurrency, (id) => runNode(byId.get(id)!, context))
    .pipe(
      takeUntil(aborted$),
      tap((event) => trackStatus(event, status)),
      catchError((error: unknown) => ((failure = error), EMPTY)),
    );

  const finish$ = defer(async () => {
    await Promise.all(cancelled.map(({ cleaned }) => cleaned.catch(() => undefined)));
    if (!failure && options.signal?.aborted) failure = new CancelledError();
    const ended = cancelled.map(({ node }): RunEvent => {
      status.set(node, 'cancelled');
      return { type: 'node-cancelled', node, stage: byId.get(node)!.stage.name, at: Date.now() };
    });

    const results = summarise(plan, recorder.runId, startedAt, failure, context, status, keys);
    await recorder.writeResults(results);
    const finished: RunEvent = { type: 'run-finished', runId: recorder.runId, ok: results.ok,
      durationMs: results.durationMs, at: Date.now(), error: results.error,
      results: results.results };
    return [...ended, finished];
  }).pipe(mergeMap((events) => from(events)));

  const started: RunEvent = { type: 'run-started', runId: recorder.runId, pipeline: plan.name,
    nodes: plan.nodes.map(({ id, stage, dependsOn }) => ({ id, stage: stage.name, dependsOn })),
    // 'auto' is a request, not a backend: the trainers report the one they start.
    backend: options.settings.backend === 'auto' ? undefined : options.settings.backend,
    at: startedAt };

  return concat(from([started]), nodes$, finish$).pipe(
    tap((event) => recorder.record(event)),
    finalize(() => {
      recorder.close();
      // Every stage has ended by now (cancelled ones were awaited); no thread outlives the run.
      void pool?.close();
    }),
  );
}

function trackStatus(event: RunEvent, status: Map<string, string>): void {
  if (event.type === 'node-started') status.set(event.node, 'running');
  if (event.type === 'node-cached') status.set(event.node, 'cached');
  if (event.type === 'node-finished') status.set(event.node, 'finished');
  if (event.type === 'node-failed') status.set(event.node, 'failed');
}

function summarise(
  plan: PipelinePlan,
  runId: string,
  startedAt: number,
  failure: unknown,
  context: NodeRunContext,
  status: Map<string, string>,
  keys: Map<string, string>,
): RunResults {
  const error = failure === undefined ? undefined : toErrorInfo(failure);
  const results = Object.fromEntries(
    plan.sinks
      .filter((id) => context.summaries.has(id))
      .map((id) => [id, context.summaries.get(id) ?? null]),
  );
  const nodes = Object.fromEntries(plan.nodes.map((node) => [node.id, {
    stage: node.stage.name, key: keys.get(node.id)!,
    status: status.get(node.id) ?? 'not run',
  }]));
  return { runId, pipeline: plan.name, ok: error === undefined, durationMs: Date.now() - startedAt,
    error, results, nodes };
}
