import type { DatasetTables } from './dataset-tables.ts';

export interface GenreCount {
  genre: string;
  /** Items tagged with the genre; an item with several genres counts once in each. */
  items: number;
  /** items / all items */
  share: number;
}

/** The genre vocabulary: meta.json's list when present, else every tag in items.csv. */
export function genreNames(tables: DatasetTables): string[] {
  if (tables.meta.genres) return tables.meta.genres;

  const names = new Set<string>();
  for (const tags of itemGenreTags(tables)) tags.forEach((tag) => names.add(tag));
  return [...names].sort();
}

/** Each item's genre tags, in items.csv row order. */
export function itemGenreTags(tables: DatasetTables): string[][] {
  const joined = tables.items.array('genres') as ArrayLike<string | null>;
  return Array.from(joined, (value) => (value ? value.split('|') : []));
}

/** Tag frequency over items, most frequent first (ties by name). */
export function genreFrequency(tables: DatasetTables): GenreCount[] {
  const counts = new Map(genreNames(tables).map((genre) => [genre, 0]));
  for (const tags of itemGenreTags(tables)) {
    for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }

  const itemCount = tables.items.numRows();
  return [...counts]
    .map(([genre, items]) => ({ genre, items, share: itemCount === 0 ? 0 : items / itemCount }))
    .sort((a, b) => b.items - a.items || a.genre.localeCompare(b.genre));
}
