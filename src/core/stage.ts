import { Observable } from 'rxjs';
import type { z } from 'zod';
import type { StageEmission } from './events.ts';

/**
 * The kinds of artifact that flow between stages. Each artifact is a directory in the store;
 * docs/ARCHITECTURE.md lists the files each kind holds. A pipeline is type-checked by
 * matching an input's kind with the kind of the output it is wired to.
 */
export type ArtifactKind =
  | 'dataset' // ingested ratings, users, items, id maps, official split files
  | 'split' // train / validation / test ratings of one split, dense indices
  | 'prepared' // a split with fitted scalers and scaled columns, ready for training
  | 'table' // one or more CSV tables (pivot tables and the like)
  | 'model' // a trained model: tfjs model.json + weights, or a baseline's parameters
  | 'evaluation' // metrics and recommendations of one model on one split
  | 'report'; // a human-facing report: Markdown, HTML, charts, results CSV/JSON

export interface InputSpec {
  kind: ArtifactKind;
  /** A list of artifacts of this kind (e.g. every split's evaluation). */
  many?: boolean;
  /** May be left unwired. */
  optional?: boolean;
  description?: string;
}

/** Settings of the whole run, the same for every stage; given on the command line. */
export interface RunSettings {
  /** --data: a directory or zip the user pointed at, if any. */
  dataPath?: string;
  /** Where downloaded datasets are cached (default: ./data). */
  dataCacheDir: string;
  /** Root seed; stages derive their own seeds from it and their parameters. */
  seed: number;
  /** Upper bound on stages running at once. */
  concurrency: number;
  /** 'auto' picks tensorflow (tfjs-node), then wasm, then cpu. */
  backend: 'auto' | 'tensorflow' | 'wasm' | 'cpu';
}

export interface StageContext<P> {
  /** Parameters, validated and with defaults filled in. */
  params: P;
  /** Read-only artifact directories by input name (an array for `many` inputs). */
  inputs: Record<string, string | string[]>;
  /**
   * Empty directories to write, by output name. They live in a private temporary folder
   * and become visible in the store only once the stage completes, all at once.
   */
  outputs: Record<string, string>;
  run: RunSettings;
  /** Aborted when the run is cancelled or a sibling branch fails. Check it in long loops. */
  signal: AbortSignal;
}

export interface StageDefinition<S extends z.ZodType = z.ZodType> {
  /** Registry name used in pipeline files, e.g. 'train-mf'. */
  name: string;
  /** Bump when the stage's output for the same inputs changes: it invalidates the cache. */
  version: number;
  /** One line for `list` and the README. */
  description: string;
  /** Parameter schema; its defaults are the stage's documented defaults. */
  params: S;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, ArtifactKind>;
  /**
   * For stages that read outside the store (the dataset source): a digest of what they will
   * read, folded into the cache key, so changed input files invalidate the entry.
   */
  fingerprint?(params: z.infer<S>, run: RunSettings): Promise<string>;
  /**
   * CPU-heavy stages (trainers) ask to run in a worker thread, so parallel branches use
   * every core. Their context must then be plain data (it is).
   */
  heavy?: boolean;
  run(context: StageContext<z.infer<S>>): Observable<StageEmission>;
}

/** Identity helper that keeps the parameter type of a stage literal. */
export function defineStage<S extends z.ZodType>(definition: StageDefinition<S>) {
  return definition;
}

/**
 * Builds a stage's Observable from an async function. Unsubscribing aborts the signal the
 * function sees; emissions after that are dropped.
 */
export function fromTask(
  signal: AbortSignal,
  task: (emit: (emission: StageEmission) => void, signal: AbortSignal) => Promise<void>,
): Observable<StageEmission> {
  return new Observable<StageEmission>((subscriber) => {
    const controller = new AbortController();
    const forward = () => controller.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    if (signal.aborted) controller.abort(signal.reason);

    const emit = (emission: StageEmission) => {
      if (!controller.signal.aborted) subscriber.next(emission);
    };
    task(emit, controller.signal).then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );

    return () => {
      signal.removeEventListener('abort', forward);
      controller.abort(new Error('cancelled'));
    };
  });
}
