import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';
import { parseCsvLine } from './csv-field.ts';

/**
 * Reads a small artifact CSV (users.csv, items.csv) as records keyed by header name. Meant
 * for tables of users or items, not ratings: use readRatingsCsv for those.
 */
export async function readCsvRecords(
  path: string,
  required: string[],
): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const header = parseCsvLine(lines[0] ?? '');

  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new InputError({
      file: path,
      line: 1,
      expected: `a header with the columns ${required.join(', ')}`,
      received: lines[0] ?? '',
    });
  }

  return lines.slice(1).map((line) => {
    const fields = parseCsvLine(line);
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}
