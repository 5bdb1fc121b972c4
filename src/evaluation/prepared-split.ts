import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvRecords } from '../data/read-csv-records.ts';
import { readRatingTriples, type RatingTriples } from './rating-triples.ts';

/** What evaluation and the baselines need of a `prepared` artifact. */
export interface PreparedSplit {
  /** The split's name, e.g. 'u1' or 'fold-3'. */
  name: string;
  train: RatingTriples;
  validation: RatingTriples;
  test: RatingTriples;
  numUsers: number;
  numItems: number;
  ratingScale: { min: number; max: number };
}

/**
 * Reads a prepared (or split) artifact's ratings and sizes. The index spaces are those of
 * the whole data set, as meta.json records them, not only of the users in the split.
 */
export async function readPreparedSplit(dir: string): Promise<PreparedSplit> {
  const meta = await readJsonIfPresent(join(dir, 'meta.json'));
  const [train, validation, test] = await Promise.all(
    ['train.csv', 'validation.csv', 'test.csv'].map((file) => readRatingTriples(join(dir, file))),
  );
  const parts = [train, validation, test];

  const numUsers = await indexSpace(meta.numUsers, join(dir, 'users.csv'), parts, 'users');
  const numItems = await indexSpace(meta.numItems, join(dir, 'items.csv'), parts, 'items');
  return {
    name: splitName(meta, dir),
    train, validation, test, numUsers, numItems,
    ratingScale: readScale(meta) ?? observedScale(parts),
  };
}

function splitName(meta: Record<string, unknown>, dir: string): string {
  const nested = meta.split as Record<string, unknown> | undefined;
  const name = meta.name ?? nested?.name ?? meta.split;
  return typeof name === 'string' ? name : dir.split(/[\\/]/).at(-1) ?? 'split';
}

function readScale(meta: Record<string, unknown>): { min: number; max: number } | undefined {
  const scale = meta.ratingScale as { min?: unknown; max?: unknown } | undefined;
  if (typeof scale?.min === 'number' && typeof scale.max === 'number') {
    return { min: scale.min, max: scale.max };
  }
  return undefined;
}

/** Without a recorded scale, the lowest and highest rating seen stand in for it. */
function observedScale(parts: RatingTriples[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const part of parts) {
    for (const rating of part.ratings) {
      min = Math.min(min, rating);
      max = Math.max(max, rating);
    }
  }
  return { min, max };
}

/** The size recorded in meta.json (as split stages write it), else the rows of the table. */
async function indexSpace(
  recorded: unknown,
  table: string,
  parts: RatingTriples[],
  field: 'users' | 'items',
): Promise<number> {
  const seen = maxIndex(parts, field) + 1;
  if (typeof recorded === 'number') return Math.max(recorded, seen);
  return Math.max(await rowCount(table), seen);
}

function maxIndex(parts: RatingTriples[], field: 'users' | 'items'): number {
  let max = -1;
  for (const part of parts) for (const index of part[field]) max = Math.max(max, index);
  return max;
}

async function rowCount(file: string): Promise<number> {
  try {
    return (await readCsvRecords(file)).rows.length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

async function readJsonIfPresent(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
