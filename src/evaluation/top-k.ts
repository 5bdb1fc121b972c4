/**
 * Keeps the k best-scoring items offered, best first, without sorting all of them. Ties go
 * to the lower item index, so every ranking in the project is deterministic; NaN scores
 * rank last.
 */
export class TopK {
  readonly k: number;
  readonly items: Int32Array;
  readonly scores: Float64Array;
  size = 0;

  constructor(k: number) {
    this.k = k;
    this.items = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  clear(): void {
    this.size = 0;
  }

  offer(item: number, rawScore: number): void {
    const score = Number.isNaN(rawScore) ? -Infinity : rawScore;
    if (this.size === this.k && !this.ranksAbove(item, score, this.k - 1)) return;

    // Insertion into the short sorted list: shift the worse entries down one place.
    let slot = this.size < this.k ? this.size++ : this.k - 1;
    while (slot > 0 && this.ranksAbove(item, score, slot - 1)) {
      this.items[slot] = this.items[slot - 1];
      this.scores[slot] = this.scores[slot - 1];
      slot--;
    }
    this.items[slot] = item;
    this.scores[slot] = score;
  }

  /** The kept items, best first. */
  ranked(): { items: number[]; scores: number[] } {
    return {
      items: Array.from(this.items.subarray(0, this.size)),
      scores: Array.from(this.scores.subarray(0, this.size)),
    };
  }

  private ranksAbove(item: number, score: number, slot: number): boolean {
    const other = this.scores[slot];
    return score > other || (score === other && item < this.items[slot]);
  }
}
