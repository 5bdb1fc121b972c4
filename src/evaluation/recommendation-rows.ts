import { readFile } from 'node:fs/promises';
import { csvField, parseCsvRows } from '../data/csv-field.ts';
import type { Predictor } from '../models/predictor.ts';
import type { DatasetLabels } from './dataset-labels.ts';
import { rankCatalogue } from './rank-catalogue.ts';
import type { RatingsByUser } from './ratings-by-user.ts';

/** One line of recommendations.csv and of the `recommend` command's output. */
export interface Recommendation {
  userId: string;
  rank: number;
  itemId: string;
  title: string;
  score: number;
}

export const RECOMMENDATION_COLUMNS = ['userId', 'rank', 'itemId', 'title', 'score'] as const;

/** Each user's top n items among those they have not rated, labelled for people. */
export async function recommendFor(options: {
  predictor: Predictor;
  users: number[];
  numItems: number;
  seen: RatingsByUser;
  labels: DatasetLabels;
  n: number;
}): Promise<Recommendation[]> {
  const { labels } = options;
  const rows: Recommendation[] = [];

  await rankCatalogue({
    ...options,
    k: options.n,
    pairsPerBatch: 1 << 17,
    onUser(user, items, scores) {
      items.forEach((item, position) => rows.push({
        userId: labels.userIds.get(user) ?? String(user),
        rank: position + 1,
        itemId: labels.itemIds.get(item) ?? String(item),
        title: labels.titles.get(item) ?? '',
        score: Math.round(scores[position] * 10000) / 10000,
      }));
    },
  });
  return rows;
}

/** The text of recommendations.csv. */
export function recommendationsCsv(rows: Recommendation[]): string {
  const lines = rows.map((row) => RECOMMENDATION_COLUMNS.map((name) => csvField(row[name])));
  return [RECOMMENDATION_COLUMNS, ...lines].map((fields) => fields.join(',')).join('\n') + '\n';
}

/** Reads recommendations.csv back, e.g. to show a few users in the results report. */
export async function readRecommendations(file: string): Promise<Recommendation[]> {
  const rows = parseCsvRows(await readFile(file, 'utf8'));
  return rows.slice(1).map(([userId, rank, itemId, title, score]) => {
    return { userId, rank: Number(rank), itemId, title, score: Number(score) };
  });
}
