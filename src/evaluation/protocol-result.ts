import type { RankingScores } from './ranking-metrics.ts';

/** The names of the two ranking protocols, as they appear in metrics.json and reports. */
export const PROTOCOLS = ['test-items', 'catalogue'] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];

/** A protocol's metrics averaged over the users it evaluated (each user weighs the same). */
export interface ProtocolResult extends RankingScores {
  k: number;
  /** Users evaluated: those with at least one relevant test item. */
  users: number;
  /** Users with test ratings but none relevant, left out of the averages. */
  skippedUsers: number;
}

/** Sums per-user scores and turns them into the averaged result. */
export class ProtocolAccumulator {
  private precision = 0;
  private recall = 0;
  private ndcg = 0;
  private users = 0;
  private skipped = 0;

  constructor(private readonly k: number) {}

  add(scores: RankingScores): void {
    this.precision += scores.precision;
    this.recall += scores.recall;
    this.ndcg += scores.ndcg;
    this.users++;
  }

  skip(): void {
    this.skipped++;
  }

  result(): ProtocolResult {
    const users = this.users;
    const mean = (total: number) => (users === 0 ? Number.NaN : total / users);
    return {
      k: this.k,
      precision: mean(this.precision),
      recall: mean(this.recall),
      ndcg: mean(this.ndcg),
      users,
      skippedUsers: this.skipped,
    };
  }
}
