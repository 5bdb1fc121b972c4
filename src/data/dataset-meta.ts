import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Layout } from './raw-dataset.ts';
import type { RatingScale } from './rating-scale.ts';

/** The `meta.json` of a dataset artifact. */
export interface DatasetMeta {
  layout: Layout;
  /** How the data was found: the --data path, the cache, or a fresh download. */
  origin: 'path' | 'cache' | 'download';
  ratingScale: RatingScale;
  counts: {
    users: number;
    items: number;
    ratings: number;
    /** Items listed in the item file that nobody rated. */
    unratedItems: number;
    /** Ratings of items missing from the item file (kept, with an empty title). */
    ratingsOfUnlistedItems: number;
  };
  /** Genre names in the order of the items.csv genre flags of prepared artifacts. */
  genres: string[];
  occupations: string[];
  /** Official splits present as splits/<name>.base.csv and splits/<name>.test.csv. */
  officialSplits: string[];
}

export async function readDatasetMeta(dir: string): Promise<DatasetMeta> {
  return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
}
