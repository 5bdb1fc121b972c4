import { ProtocolAccumulator, type ProtocolResult } from './protocol-result.ts';
import { scoreRanking } from './ranking-metrics.ts';
import { groupByUser } from './ratings-by-user.ts';
import type { RatingTriples } from './rating-triples.ts';
import { TopK } from './top-k.ts';

export interface TestItemsOptions {
  numUsers: number;
  k: number;
  /** A test rating at least this high (on the data's own scale) is relevant. */
  relevantAtLeast: number;
}

/**
 * Protocol `test-items` ("own items"): each test user's own test items, ranked by score.
 * Precision divides by min(k, number of test items), because a user with 4 test items
 * cannot fill 10 places; recall by the number of relevant test items. Users without a
 * relevant test item are skipped.
 */
export function testItemsProtocol(
  test: RatingTriples,
  scores: ArrayLike<number>,
  options: TestItemsOptions,
): ProtocolResult {
  const { numUsers, k, relevantAtLeast } = options;
  const byUser = groupByUser(test, numUsers);
  const scoresByUser = groupByUser({ ...test, ratings: Float64Array.from(scores) }, numUsers);
  const accumulator = new ProtocolAccumulator(k);
  const topK = new TopK(k);

  for (let user = 0; user < numUsers; user++) {
    const start = byUser.offsets[user];
    const end = byUser.offsets[user + 1];
    if (start === end) continue;

    const relevant = new Set<number>();
    topK.clear();
    for (let slot = start; slot < end; slot++) {
      if (byUser.ratings[slot] >= relevantAtLeast) relevant.add(byUser.items[slot]);
      topK.offer(byUser.items[slot], scoresByUser.ratings[slot]);
    }
    if (relevant.size === 0) {
      accumulator.skip();
      continue;
    }

    const { items } = topK.ranked();
    accumulator.add(scoreRanking({
      relevantAtRank: items.map((item) => (relevant.has(item) ? 1 : 0)),
      relevantCount: relevant.size,
      precisionDenominator: Math.min(k, end - start),
      k,
    }));
  }
  return accumulator.result();
}
