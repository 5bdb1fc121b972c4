import type { Predictor } from '../models/predictor.ts';
import type { RatingsByUser } from './ratings-by-user.ts';
import { TopK } from './top-k.ts';

export interface CatalogueRankingOptions {
  predictor: Predictor;
  /** The users to rank for, in the order their lists are reported. */
  users: ArrayLike<number>;
  numItems: number;
  /** Items each user already rated (training and validation): never recommended. */
  seen: RatingsByUser;
  k: number;
  /** Pairs scored per predict call; bounds memory whatever the catalogue size. */
  pairsPerBatch: number;
  signal?: AbortSignal;
  /** Called with each user's top k, best first. */
  onUser(user: number, items: number[], scores: number[]): void;
  onBatch?(usersDone: number, usersTotal: number): void;
}

/**
 * Scores every unseen item for each user, a batch of users per predict call, and keeps the
 * top k of each with a bounded insertion list instead of sorting the whole catalogue.
 */
export async function rankCatalogue(options: CatalogueRankingOptions): Promise<void> {
  const { predictor, users, numItems, seen, k } = options;
  const usersPerBatch = Math.max(1, Math.floor(options.pairsPerBatch / numItems));
  const batchItems = tileItems(numItems, usersPerBatch);
  const batchUsers = new Int32Array(usersPerBatch * numItems);
  const excluded = new Uint8Array(numItems);
  const topK = new TopK(k);

  for (let first = 0; first < users.length; first += usersPerBatch) {
    options.signal?.throwIfAborted();
    const count = Math.min(usersPerBatch, users.length - first);
    for (let member = 0; member < count; member++) {
      batchUsers.fill(users[first + member], member * numItems, (member + 1) * numItems);
    }
    const pairs = count * numItems;
    const scores = await predictor.predict(
      batchUsers.subarray(0, pairs),
      batchItems.subarray(0, pairs),
    );

    for (let member = 0; member < count; member++) {
      const user = users[first + member];
      const memberScores = scores.subarray(member * numItems, (member + 1) * numItems);
      selectUnseen(topK, memberScores, seen, user, excluded);
      const ranked = topK.ranked();
      options.onUser(user, ranked.items, ranked.scores);
    }
    options.onBatch?.(first + count, users.length);
  }
}

function selectUnseen(
  topK: TopK,
  scores: Float32Array,
  seen: RatingsByUser,
  user: number,
  excluded: Uint8Array,
): void {
  const start = seen.offsets[user] ?? 0;
  const end = seen.offsets[user + 1] ?? 0;
  for (let slot = start; slot < end; slot++) excluded[seen.items[slot]] = 1;

  topK.clear();
  for (let item = 0; item < scores.length; item++) {
    if (!excluded[item]) topK.offer(item, scores[item]);
  }

  // Clear only what was set, so a batch costs O(items), not O(items) per seen list.
  for (let slot = start; slot < end; slot++) excluded[seen.items[slot]] = 0;
}

function tileItems(numItems: number, copies: number): Int32Array {
  const items = new Int32Array(numItems * copies);
  for (let pair = 0; pair < items.length; pair++) items[pair] = pair % numItems;
  return items;
}
