import { join } from 'node:path';
import { z } from 'zod';
import type { StageEmission } from '../core/events.ts';
import { defineStage, fromTask } from '../core/stage.ts';
import { datasetFingerprint, datasetFolder } from '../data/dataset-folder.ts';
import type { DatasetMeta } from '../data/dataset-meta.ts';
import type { Layout, ReadContext } from '../data/raw-dataset.ts';
import { readOfficialSplit } from '../data/read-movielens-100k.ts';
import { readRawDataset } from '../data/read-raw-dataset.ts';
import { writeRatingsCsv } from '../data/ratings-csv.ts';
import { denseIds, toDenseIndices, writeDataset } from '../data/write-dataset.ts';

const params = z.object({
  /** The files' layout; 'auto' recognises it from the files present. */
  layout: z.enum(['auto', 'ml-100k', 'ml-1m', 'latest']).default('auto'),
  /** The GroupLens data set downloaded when neither --data nor the cache has one. */
  source: z.enum(['ml-100k', 'ml-1m']).default('ml-100k'),
});

type Emit = (emission: StageEmission) => void;

/**
 * Reads a MovieLens data set (100K, 1M or the "latest" CSV layout) from --data, the cache
 * or a verified download, and writes the dataset artifact with dense indices.
 */
export const ingestMovielens = defineStage({
  name: 'ingest-movielens',
  version: 1,
  description: 'Read MovieLens (100K, 1M or latest CSV) into ratings, users, items and splits',
  params,
  inputs: {},
  outputs: { dataset: 'dataset' },
  fingerprint: (p, run) => datasetFingerprint(run, p.source),
  run: ({ params: p, outputs, run, signal }) =>
    fromTask(signal, async (emit, aborted) => {
      const log = (message: string) => emit({ type: 'log', level: 'info', message });
      const found = await datasetFolder(run, p.source, { signal: aborted, log });
      const onProgress = (file: string, done: number, total: number) =>
        emit({ type: 'progress', done, total, unit: 'rows', label: file });
      const context = { dir: found.dir, signal: aborted, onProgress };

      try {
        await ingest(context, p.layout, outputs.dataset, found.origin, emit);
      } finally {
        await found.cleanup();
      }
    }),
});

async function ingest(
  context: ReadContext,
  layout: Layout | 'auto',
  dir: string,
  origin: DatasetMeta['origin'],
  emit: Emit,
): Promise<void> {
  const raw = await readRawDataset(context, layout);
  const ids = denseIds(raw);
  const meta = await writeDataset(dir, raw, ids, origin);
  const { counts } = meta;
  emit({ type: 'log', level: 'info', message: `${meta.layout} from ${origin}: ` +
    `${counts.ratings} ratings, ${counts.users} users, ${counts.items} items` });
  if (counts.ratingsOfUnlistedItems > 0) {
    emit({ type: 'log', level: 'warn', message: `${counts.ratingsOfUnlistedItems} ratings ` +
      'name items missing from the item file; kept, with an empty title' });
  }

  // Split files are read one at a time so only one of them is in memory.
  for (const name of meta.officialSplits) {
    const split = await readOfficialSplit(context, name);
    const base = toDenseIndices(split.base, ids, `${name}.base`);
    const test = toDenseIndices(split.test, ids, `${name}.test`);
    await writeRatingsCsv(join(dir, 'splits', `${name}.base.csv`), base);
    await writeRatingsCsv(join(dir, 'splits', `${name}.test.csv`), test);
  }

  emit({ type: 'summary', data: { layout: meta.layout, origin, ...counts,
    officialSplits: meta.officialSplits.length } });
}
