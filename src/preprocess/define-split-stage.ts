import { join } from 'node:path';
import type { z } from 'zod';
import type { StageEmission } from '../core/events.ts';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta, type DatasetMeta } from '../data/dataset-meta.ts';
import { readRatingsCsv } from '../data/ratings-csv.ts';
import type { Ratings } from '../data/ratings.ts';
import type { SplitMeta } from './split-meta.ts';
import { writeSplit, type SplitParts } from './write-split.ts';

/** What a split stage's own rule sees. */
export interface SplitSource<P> {
  params: P;
  datasetDir: string;
  dataset: DatasetMeta;
  /** The `seed` parameter, else the run's seed. */
  seed: number;
  emit: (emission: StageEmission) => void;
}

/** What a split stage's own rule decides: the two parts and how meta.json names them. */
export interface SplitCut extends SplitParts {
  name: string;
  usersKeptWhole?: number;
}

/** The parameters every split takes (splitParams). */
type SplitParams = { seed?: number; validationFraction: number };

interface SplitStageSpec<S extends z.ZodType<SplitParams>> {
  scheme: SplitMeta['scheme'];
  description: string;
  params: S;
  /** Describes the dataset input, for `list`. */
  datasetDescription?: string;
  cut(source: SplitSource<z.infer<S>>): Promise<SplitCut>;
}

/**
 * The split stages differ only in how they cut the ratings in two; each then carves
 * validation from its training part and writes the split the same way (writeSplit).
 */
export function defineSplitStage<S extends z.ZodType<SplitParams>>(spec: SplitStageSpec<S>) {
  return defineStage({
    name: `split-${spec.scheme}`,
    version: 1,
    description: spec.description,
    params: spec.params,
    inputs: { dataset: { kind: 'dataset', ...described(spec.datasetDescription) } },
    outputs: { split: 'split' },
    run: ({ params: p, inputs, outputs, run, signal }) =>
      fromTask(signal, async (emit) => {
        const datasetDir = inputs.dataset as string;
        const dataset = await readDatasetMeta(datasetDir);
        const seed = p.seed ?? run.seed;
        const { name, usersKeptWhole, ...parts } =
          await spec.cut({ params: p, datasetDir, dataset, seed, emit });

        const kept = usersKeptWhole === undefined ? {} : { usersKeptWhole };
        await writeSplit(outputs.split, parts, { scheme: spec.scheme, name, seed, params: p,
          validationFraction: p.validationFraction, ...kept }, dataset, emit);
      }),
  });
}

function described(description: string | undefined): { description?: string } {
  return description === undefined ? {} : { description };
}

/** Reads a dataset's ratings CSVs, reporting their rows as one progress step. */
export async function readSplitRatings(
  source: SplitSource<unknown>,
  files: string[],
  label: string,
): Promise<Ratings[]> {
  const all: Ratings[] = [];
  for (const file of files) all.push(await readRatingsCsv(join(source.datasetDir, file)));
  const total = all.reduce((sum, ratings) => sum + ratings.user.length, 0);
  source.emit({ type: 'progress', done: total, total, unit: 'rows', label });
  return all;
}
