/** Precision, recall and NDCG of one user's ranked list. */
export interface RankingScores {
  precision: number;
  recall: number;
  ndcg: number;
}

export interface RankedList {
  /** 1 where the item at that rank (0-based) is relevant, else 0; at most k entries. */
  relevantAtRank: ArrayLike<number>;
  /** How many relevant items the user has in all (the recall denominator). */
  relevantCount: number;
  /** The precision denominator the protocol defines. */
  precisionDenominator: number;
  k: number;
}

/**
 * Binary-gain metrics at k. Recall divides by every relevant item, so it stays below 1 when a
 * user has more than k of them. NDCG's ideal list puts min(k, relevantCount) hits first.
 */
export function scoreRanking(list: RankedList): RankingScores {
  const { relevantAtRank, relevantCount, precisionDenominator, k } = list;
  if (relevantCount <= 0) throw new Error('scoreRanking: a user without relevant items');

  let hits = 0;
  let dcg = 0;
  const depth = Math.min(k, relevantAtRank.length);
  for (let rank = 0; rank < depth; rank++) {
    if (!relevantAtRank[rank]) continue;
    hits++;
    dcg += discount(rank);
  }

  return {
    precision: hits / precisionDenominator,
    recall: hits / relevantCount,
    ndcg: dcg / idealDcg(Math.min(k, relevantCount)),
  };
}

/** 1 / log2(rank + 2): rank 0 (the top) counts fully, rank 1 by 1/log2(3), ... */
export function discount(rank: number): number {
  return 1 / Math.log2(rank + 2);
}

function idealDcg(hits: number): number {
  let total = 0;
  for (let rank = 0; rank < hits; rank++) total += discount(rank);
  return total;
}
