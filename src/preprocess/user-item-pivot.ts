import type { ColumnTable } from 'arquero';
import { orderedKeys } from './cross-tables.ts';

/** Refused before any work: the dense table would not fit in memory. */
export class PivotTooLargeError extends Error {
  constructor(readonly users: number, readonly items: number, readonly maxCells: number) {
    super(`a dense user x item pivot of ${users} x ${items} = ${users * items} cells exceeds ` +
      `maxCells ${maxCells}; a data set this size cannot be pivoted densely: leave ` +
      "'user-item' out of the tables or raise maxCells");
    this.name = 'PivotTooLargeError';
  }
}

/** Throws PivotTooLargeError when users x items exceeds maxCells. */
export function assertPivotFits(size: { users: number; items: number }, maxCells: number) {
  if (size.users * size.items > maxCells) {
    throw new PivotTooLargeError(size.users, size.items, maxCells);
  }
}

/**
 * The dense user x item rating table: one row per user, one column per rated item (named by
 * its dense index, in index order), empty where the user did not rate the item.
 */
export function userItemPivot(
  ratings: ColumnTable,
  size: { users: number; items: number },
  maxCells: number,
): ColumnTable {
  assertPivotFits(size, maxCells);
  const pivoted = ratings.groupby('user').pivot('item', 'rating').orderby('user');
  const items = orderedKeys(pivoted.columnNames().filter((name) => name !== 'user'));
  return pivoted.select('user', ...items);
}
