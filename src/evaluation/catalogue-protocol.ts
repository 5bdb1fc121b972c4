import type { Predictor } from '../models/predictor.ts';
import { ProtocolAccumulator, type ProtocolResult } from './protocol-result.ts';
import { rankCatalogue } from './rank-catalogue.ts';
import { scoreRanking } from './ranking-metrics.ts';
import type { RatingsByUser } from './ratings-by-user.ts';

export interface CatalogueOptions {
  predictor: Predictor;
  numItems: number;
  /** Training and validation ratings by user: excluded from each user's ranking. */
  seen: RatingsByUser;
  test: RatingsByUser;
  k: number;
  relevantAtLeast: number;
  pairsPerBatch: number;
  signal?: AbortSignal;
  onBatch?(usersDone: number, usersTotal: number): void;
}

/**
 * Protocol `catalogue` ("full ranking"): every item but the user's training and validation
 * items is ranked; relevant are the user's test items rated at least the threshold.
 * Precision divides by k, recall by the number of relevant items, NDCG's ideal list holds
 * min(k, relevant) hits. Users without a relevant test item are skipped.
 */
export async function catalogueProtocol(options: CatalogueOptions): Promise<ProtocolResult> {
  const { test, k, relevantAtLeast } = options;
  const numUsers = test.offsets.length - 1;
  const relevantByUser = new Map<number, Set<number>>();
  const accumulator = new ProtocolAccumulator(k);

  for (let user = 0; user < numUsers; user++) {
    const relevant = relevantTestItems(test, user, relevantAtLeast);
    if (relevant.size > 0) relevantByUser.set(user, relevant);
    else if (test.offsets[user + 1] > test.offsets[user]) accumulator.skip();
  }

  await rankCatalogue({
    ...options,
    users: Int32Array.from(relevantByUser.keys()),
    onUser(user, items) {
      const relevant = relevantByUser.get(user) as Set<number>;
      accumulator.add(scoreRanking({
        relevantAtRank: items.map((item) => (relevant.has(item) ? 1 : 0)),
        relevantCount: relevant.size,
        precisionDenominator: k,
        k,
      }));
    },
  });
  return accumulator.result();
}

function relevantTestItems(test: RatingsByUser, user: number, relevantAtLeast: number) {
  const relevant = new Set<number>();
  for (let slot = test.offsets[user]; slot < test.offsets[user + 1]; slot++) {
    if (test.ratings[slot] >= relevantAtLeast) relevant.add(test.items[slot]);
  }
  return relevant;
}
