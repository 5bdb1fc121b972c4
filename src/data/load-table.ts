import { basename } from 'node:path';
import { fromCSV, type ColumnTable } from 'arquero';
import { InputError } from '../core/input-error.ts';
import { readArtifactText } from './read-artifact-text.ts';

/** How each named column's raw text becomes a value. */
export type ColumnParsers = Record<string, (value: string) => unknown>;

export interface LoadTableOptions {
  /**
   * Typed columns, every one required: a header without one of them is an InputError. The
   * file's other columns are inferred. Without it, only the text columns below are fixed.
   */
  columns?: ColumnParsers;
  /** What the file should be, for the error when it is missing (default: its name). */
  expected?: string;
}

/** Columns that stay text even when they look numeric (zip codes such as 01040, titles). */
const textColumns = ['zip', 'title', 'genres', 'gender', 'occupation'];
const keepText: ColumnParsers = Object.fromEntries(
  textColumns.map((name) => [name, (value: string) => value]),
);

/**
 * Loads an artifact CSV as an Arquero table. Type inference would read a zip code column as
 * numbers from its first rows and turn "T8H1N" into NaN, so text columns are always given
 * their parser. A missing file or column is an InputError naming the file.
 */
export async function loadTable(
  file: string,
  options: LoadTableOptions = {},
): Promise<ColumnTable> {
  const expected = options.expected ?? `${basename(file)} with a header row`;
  const text = await readArtifactText(file, expected);
  const table = fromCSV(text, { parse: options.columns ?? keepText });

  const required = Object.keys(options.columns ?? {});
  const missing = required.find((name) => !table.columnNames().includes(name));
  if (missing !== undefined) {
    const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    throw new InputError({
      file, line: 1, field: missing,
      expected: `a header with the columns ${required.join(',')}`,
      received: header.trim(),
    });
  }
  return table;
}
