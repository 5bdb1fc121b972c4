import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RatingTriples } from '../../evaluation/rating-triples.ts';
import type { ModelConfig } from '../model-config.ts';
import type { Predictor } from '../predictor.ts';

/** The parameters file of a `popular` model artifact: training ratings per item. */
export const POPULARITY_FILE = 'popularity.json';

/** How many training ratings each item has; the most-popular model's whole state. */
export function countItemRatings(train: RatingTriples, numItems: number): Int32Array {
  const counts = new Int32Array(numItems);
  for (const item of train.items) counts[item]++;
  return counts;
}

/**
 * Scores an item by its training rating count, whoever the user: a ranking-only reference
 * (config.predictsRatings is false). Equal counts are ordered by item index by the rankers.
 */
export function createPopularityPredictor(config: ModelConfig, counts: Int32Array): Predictor {
  return {
    config,
    async predict(_users, items) {
      return Float32Array.from(items, (item) => counts[item] ?? 0);
    },
    dispose() {},
  };
}

export async function savePopularityModel(
  dir: string,
  config: ModelConfig,
  counts: Int32Array,
): Promise<void> {
  await writeFile(join(dir, 'model-config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(dir, POPULARITY_FILE), JSON.stringify({ counts: Array.from(counts) }));
}

/** The `popular` entry of the loader registry. */
export async function loadPopularityPredictor(
  dir: string,
  config: ModelConfig,
): Promise<Predictor> {
  const file = JSON.parse(await readFile(join(dir, POPULARITY_FILE), 'utf8')) as {
    counts: number[];
  };
  return createPopularityPredictor(config, Int32Array.from(file.counts));
}
