import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ColumnTable } from 'arquero';
import { defineStage, fromTask } from '../core/stage.ts';
import { readDatasetMeta } from '../data/dataset-meta.ts';
import { loadTable } from '../data/load-table.ts';
import { crossTab, genreCooccurrence, genreRatingCounts } from '../preprocess/cross-tables.ts';
import { assertPivotFits, userItemPivot } from '../preprocess/user-item-pivot.ts';

const tableNames = [
  'user-item', 'occupation-rating', 'gender-rating', 'genre-rating', 'genre-genre',
] as const;
type TableName = (typeof tableNames)[number];

const params = z.object({
  /** The tables to write, each as <name>.csv. */
  tables: z.array(z.enum(tableNames)).min(1).default([...tableNames]),
  /** Largest dense user x item table (users x items cells) the stage agrees to build. */
  maxCells: z.number().int().positive().default(5_000_000),
});

/** Pivot and cross tables of a data set, built with Arquero and saved as CSV. */
export const pivotRatings = defineStage({
  name: 'pivot-ratings',
  version: 1,
  description: 'User x item ratings pivot and the cross-tables (occupation, gender, genre)',
  params,
  inputs: { dataset: { kind: 'dataset' } },
  outputs: { tables: 'table' },
  run: ({ params: p, inputs, outputs, signal }) =>
    fromTask(signal, async (emit) => {
      const dir = inputs.dataset as string;
      const meta = await readDatasetMeta(dir);
      // Refuse before loading: a 25M-rating table is too large to read only to give up.
      if (p.tables.includes('user-item')) assertPivotFits(meta.counts, p.maxCells);
      const ratings = await loadTable(join(dir, 'ratings.csv'));
      const users = await loadTable(join(dir, 'users.csv'));
      const items = await loadTable(join(dir, 'items.csv'));

      const build: Record<TableName, () => ColumnTable> = {
        'user-item': () => userItemPivot(ratings, meta.counts, p.maxCells),
        'occupation-rating': () => crossTab(ratings.join(users, 'user'), 'occupation', 'rating'),
        'gender-rating': () => crossTab(ratings.join(users, 'user'), 'gender', 'rating'),
        'genre-rating': () => genreRatingCounts(ratings, items),
        'genre-genre': () => genreCooccurrence(items),
      };

      const sizes: Record<string, string> = {};
      for (const [done, name] of p.tables.entries()) {
        const table = build[name]();
        await writeFile(join(outputs.tables, `${name}.csv`), table.toCSV());
        sizes[name] = `${table.numRows()} x ${table.numCols()}`;
        emit({ type: 'progress', done: done + 1, total: p.tables.length, unit: 'tables' });
      }
      emit({ type: 'summary', data: sizes });
    }),
});
