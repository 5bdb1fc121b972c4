import { op, type ColumnTable } from 'arquero';

/**
 * Counts of every (row, column) pair of two columns, as a table with one row per value of
 * `rowKey` and one column per value of `columnKey` (in numeric or alphabetical order);
 * pairs never seen count 0. E.g. crossTab(ratingsWithUsers, 'occupation', 'rating').
 */
export function crossTab(table: ColumnTable, rowKey: string, columnKey: string): ColumnTable {
  const pivoted = table
    .groupby(rowKey, columnKey)
    .count({ as: 'count' })
    .groupby(rowKey)
    .pivot(columnKey, 'count')
    .orderby(rowKey);

  const columns = orderedKeys(pivoted.columnNames().filter((name) => name !== rowKey));
  const zeros = Object.fromEntries(columns.map((name) => [name, () => 0]));
  return pivoted.impute(zeros).select(rowKey, ...columns);
}

/** One row per (item, genre) from an items table whose `genres` are joined by '|'. */
export function itemGenres(items: ColumnTable): ColumnTable {
  return items
    .filter((d: { genres: string }) => op.length(d.genres) > 0)
    .derive({ genre: (d: { genres: string }) => op.split(d.genres, '|') })
    .unroll('genre')
    .select('item', 'genre');
}

/**
 * Genre x genre: how many items carry both genres (the diagonal: items of that genre). The
 * genre correlation of the analysis starts from these counts.
 */
export function genreCooccurrence(items: ColumnTable): ColumnTable {
  const pairs = itemGenres(items);
  const joined = pairs.join(pairs.rename({ genre: 'other' }), 'item');
  return crossTab(joined, 'genre', 'other');
}

/** Rating counts per genre (a rating counts once for each genre of its item). */
export function genreRatingCounts(ratings: ColumnTable, items: ColumnTable): ColumnTable {
  return crossTab(ratings.join(itemGenres(items), 'item'), 'genre', 'rating');
}

/** Numeric names in numeric order, then the others alphabetically. */
export function orderedKeys(names: string[]): string[] {
  const numeric = (name: string) => name.trim() !== '' && !Number.isNaN(Number(name));
  return [...names].sort((a, b) => {
    if (numeric(a) && numeric(b)) return Number(a) - Number(b);
    if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
