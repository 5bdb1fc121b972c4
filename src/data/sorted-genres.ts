import type { ItemRecord } from './raw-dataset.ts';

/** Every genre the items name, alphabetically (layouts without a genre list). */
export function sortedGenres(items: ItemRecord[]): string[] {
  const genres = new Set<string>();
  for (const item of items) for (const genre of item.genres) genres.add(genre);
  return [...genres].sort();
}
