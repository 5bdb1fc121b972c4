import { Observable, type Subscription } from 'rxjs';
import type { ErrorInfo, RunEvent } from '../core/events.ts';
import type { RunSettings } from '../core/stage.ts';
import type { ArtifactStore, PendingEntry } from './artifact-store.ts';
import type { EntryManifest } from './entry-manifest.ts';
import { inputKeys } from './cache-key.ts';
import { toErrorInfo } from './error-info.ts';
import type { PipelineNode } from './pipeline-plan.ts';
import { runInProcess } from './run-in-process.ts';
import type { StageRun } from './stage-run.ts';
import { throttleProgress } from './throttle-progress.ts';
import type { WorkerOptions, WorkerPool } from './worker-pool.ts';

/** What every node of one run shares. */
export interface NodeRunContext {
  pipeline: string;
  store: ArtifactStore;
  settings: RunSettings;
  keys: Map<string, string>;
  /** Runs `heavy` stages in worker threads; absent, they run in this thread. */
  pool?: WorkerPool;
  worker: WorkerOptions;
  /** Summaries of finished and cached nodes, by node id. */
  summaries: Map<string, Record<string, unknown> | undefined>;
  /** Called when a running node is stopped; `cleaned` resolves once its folder is gone. */
  onCancelled(node: string, cleaned: Promise<void>): void;
}

/** A node's failure, carrying the node id and the error as data. */
export class NodeFailure extends Error {
  readonly node: string;
  readonly info: ErrorInfo;

  constructor(node: string, info: ErrorInfo) {
    super(info.message);
    this.name = 'NodeFailure';
    this.node = node;
    this.info = info;
  }

  toInfo(): ErrorInfo {
    return this.info;
  }
}

/**
 * One node as an Observable of run events: served from the store when its key is there,
 * otherwise run into a temporary entry that is committed only when the stage completes.
 * Unsubscribing before the end stops the stage and removes its temporary entry.
 */
export function runNode(node: PipelineNode, context: NodeRunContext): Observable<RunEvent> {
  const key = context.keys.get(node.id)!;
  const base = { node: node.id, stage: node.stage.name };

  return new Observable<RunEvent>((subscriber) => {
    let pending: PendingEntry | undefined;
    let stageRun: StageRun | undefined;
    let subscription: Subscription | undefined;
    let settled = false;

    const fail = async (error: unknown) => {
      settled = true;
      if (pending) await context.store.discard(pending);
      const info = toErrorInfo(error);
      subscriber.next({ type: 'node-failed', ...base, at: Date.now(), error: info });
      subscriber.error(new NodeFailure(node.id, info));
    };

    const commit = async (startedAt: number, summary?: Record<string, unknown>) => {
      const durationMs = Date.now() - startedAt;
      const manifest: EntryManifest = { key, stage: node.stage.name,
        version: node.stage.version, node: node.id, pipeline: context.pipeline,
        params: node.params, inputs: inputKeys(node, context.keys), outputs: node.stage.outputs,
        summary, created: new Date().toISOString(), durationMs };
      await context.store.commit(pending!, manifest);

      settled = true;
      context.summaries.set(node.id, summary);
      subscriber.next({ type: 'node-finished', ...base, key, at: Date.now(), durationMs, summary });
      subscriber.complete();
    };

    const start = async () => {
      const manifest = await context.store.readManifest(key);
      if (subscriber.closed) return;
      if (manifest) {
        settled = true;
        context.summaries.set(node.id, manifest.summary);
        subscriber.next({ type: 'node-cached', ...base, key, at: Date.now(),
          summary: manifest.summary });
        return subscriber.complete();
      }

      pending = await context.store.begin(key, Object.keys(node.stage.outputs));
      if (subscriber.closed) return;
      const startedAt = Date.now();
      subscriber.next({ type: 'node-started', ...base, key, at: startedAt });

      stageRun = startStage(node, pending, context);
      let summary: Record<string, unknown> | undefined;
      subscription = stageRun.emissions
        .pipe(throttleProgress(context.worker.progressIntervalMs))
        .subscribe({
          next: (emission) => {
            if (emission.type === 'summary') summary = emission.data;
            subscriber.next({ ...emission, node: node.id, at: Date.now() });
          },
          error: (error) => void fail(error),
          complete: () => void commit(startedAt, summary).catch(fail),
        });
    };
    const started = start().catch(fail);

    return () => {
      if (settled) return;
      subscription?.unsubscribe();
      const cleaned = started
        .then(() => stageRun?.stopped())
        .then(() => pending && context.store.discard(pending));
      context.onCancelled(node.id, cleaned);
    };
  });
}

function startStage(node: PipelineNode, pending: PendingEntry, context: NodeRunContext) {
  const inputs = Object.fromEntries(
    Object.entries(node.inputs).map(([name, refs]) => {
      const dirs = [refs].flat().map((ref) =>
        context.store.outputDir(context.keys.get(ref.node)!, ref.output),
      );
      return [name, Array.isArray(refs) ? dirs : dirs[0]];
    }),
  );
  const plain = { params: node.params, inputs, outputs: pending.outputs, run: context.settings };

  if (node.stage.heavy && context.pool) return context.pool.run(node.stage.name, plain);
  return runInProcess(node.stage, plain);
}
