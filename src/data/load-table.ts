import { pathToFileURL } from 'node:url';
import { loadCSV, type ColumnTable } from 'arquero';

/** Columns that stay text even when they look numeric (zip codes such as 01040, titles). */
const textColumns = ['zip', 'title', 'genres', 'gender', 'occupation'];

/**
 * Loads an artifact CSV as an Arquero table. Type inference would read a zip code column as
 * numbers from its first rows and turn "T8H1N" into NaN, so the text columns above are kept
 * as strings; every other column is inferred.
 */
export async function loadTable(path: string): Promise<ColumnTable> {
  const keepText = Object.fromEntries(textColumns.map((name) => [name, (value: string) => value]));
  // A file URL: a path must never be taken for a web address and fetched.
  return loadCSV(pathToFileURL(path).href, { parse: keepText });
}
