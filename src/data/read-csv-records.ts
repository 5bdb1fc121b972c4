import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';
import { parseCsvRows } from './csv-field.ts';

/**
 * Reads a small artifact CSV (users.csv, items.csv) as records keyed by header name. Meant
 * for tables of users or items, not ratings: use readRatingsCsv for those.
 */
export async function readCsvRecords(
  path: string,
  required: string[],
): Promise<Record<string, string>[]> {
  const [header = [], ...rows] = parseCsvRows(await readFile(path, 'utf8'));

  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new InputError({
      file: path,
      line: 1,
      expected: `a header with the columns ${required.join(', ')}`,
      received: header.join(','),
    });
  }

  return rows.map((fields) =>
    Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
}
