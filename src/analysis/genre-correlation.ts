import type { DatasetTables } from './dataset-tables.ts';
import { genreNames, itemGenreTags } from './genre-frequency.ts';

export interface GenreCorrelation {
  genres: string[];
  /**
   * Pearson correlation between the 0/1 genre columns of the item x genre matrix;
   * null where a genre is constant over the items (no item, or every item, has it).
   */
  matrix: (number | null)[][];
}

export function genreCorrelation(tables: DatasetTables): GenreCorrelation {
  const genres = genreNames(tables);
  const columnOf = new Map(genres.map((genre, index) => [genre, index]));
  const tags = itemGenreTags(tables);

  // For 0/1 columns every moment reduces to counts: how many items have a genre, and how
  // many have both of a pair.
  const single = new Array<number>(genres.length).fill(0);
  const both = genres.map(() => new Array<number>(genres.length).fill(0));
  for (const itemTags of tags) {
    const columns = [...new Set(itemTags)].map((tag) => columnOf.get(tag));
    for (const a of columns) {
      if (a === undefined) continue;
      single[a]++;
      for (const b of columns) if (b !== undefined) both[a][b]++;
    }
  }

  const n = tags.length;
  const matrix = genres.map((_, a) =>
    genres.map((__, b) => pearsonOfIndicators(n, single[a], single[b], both[a][b])),
  );
  return { genres, matrix };
}

/** Pearson r of two 0/1 vectors of length n with a and b ones, ab of them shared. */
function pearsonOfIndicators(n: number, a: number, b: number, ab: number): number | null {
  const covariance = n * ab - a * b;
  const variance = (n * a - a * a) * (n * b - b * b);
  return variance <= 0 ? null : covariance / Math.sqrt(variance);
}
