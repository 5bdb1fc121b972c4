/**
 * Maps original ids (as found in the files) to dense 0-based indices, assigned in ascending
 * order of the original id so the mapping does not depend on the order of the lines.
 */
export class IdMap {
  private readonly seen = new Set<number>();
  private indexById?: Map<number, number>;
  private sortedIds?: number[];

  add(id: number): void {
    if (this.indexById) throw new Error('IdMap: add() after freeze()');
    this.seen.add(id);
  }

  has(id: number): boolean {
    return this.seen.has(id);
  }

  /** Assigns the indices; no id can be added afterwards. */
  freeze(): void {
    this.sortedIds = [...this.seen].sort((a, b) => a - b);
    this.indexById = new Map(this.sortedIds.map((id, index) => [id, index]));
  }

  get size(): number {
    return this.seen.size;
  }

  /** The dense index of an id; -1 if unknown. */
  index(id: number): number {
    return this.frozen().indexById.get(id) ?? -1;
  }

  /** Original ids by dense index. */
  ids(): readonly number[] {
    return this.frozen().sortedIds;
  }

  private frozen() {
    if (!this.indexById || !this.sortedIds) this.freeze();
    return { indexById: this.indexById!, sortedIds: this.sortedIds! };
  }
}
