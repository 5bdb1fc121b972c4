import { escape, type ColumnTable } from 'arquero';

/** The column name of a genre's 0/1 flag in a prepared items.csv. */
export function genreColumn(genre: string): string {
  return `genre_${genre}`;
}

/** Adds one 0/1 column per genre (genreColumn(name)), in the data set's genre order. */
export function itemFeatures(items: ColumnTable, genres: string[]): ColumnTable {
  const flags = Object.fromEntries(genres.map((genre) => [
    genreColumn(genre),
    escape((d: { genres: string | null }) =>
      String(d.genres ?? '').split('|').includes(genre) ? 1 : 0),
  ]));
  return items.derive(flags);
}
