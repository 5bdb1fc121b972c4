import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';
import { parseCsvRows } from './csv-field.ts';
import { withoutBom } from './read-artifact-text.ts';

/** A small artifact CSV read whole: header names, rows of raw fields, where each row starts. */
export interface CsvRecords {
  file: string;
  header: string[];
  rows: string[][];
  /** The 1-based line each row starts on (a quoted field may span lines). */
  lines: number[];
}

/**
 * Reads an artifact CSV we wrote ourselves (users.csv, items.csv, a prepared split's parts)
 * whole. A file without a header row, or missing one of the `required` columns, is an
 * InputError naming it. For large ratings files, readRatingsCsv streams instead.
 */
export async function readCsvRecords(file: string, required: string[] = []): Promise<CsvRecords> {
  const lines: number[] = [];
  const [header, ...rows] = parseCsvRows(withoutBom(await readFile(file, 'utf8')), lines);
  if (header === undefined) throw new InputError({ file, line: 1, expected: 'a header row' });

  const missing = required.find((name) => !header.includes(name));
  if (missing !== undefined) {
    throw new InputError({
      file, line: 1, field: missing,
      expected: `a header with the columns ${required.join(', ')}`,
      received: header.join(','),
    });
  }
  return { file, header, rows, lines: lines.slice(1) };
}

/** The rows as objects keyed by header name; a field a short row lacks is ''. */
export function recordObjects(records: CsvRecords): Record<string, string>[] {
  return records.rows.map((fields) =>
    Object.fromEntries(records.header.map((name, i) => [name, fields[i] ?? ''])));
}

/** A column's position, or an InputError naming the file and the columns it does have. */
export function requireColumn(records: CsvRecords, name: string): number {
  const index = records.header.indexOf(name);
  if (index >= 0) return index;
  throw new InputError({
    file: records.file, line: 1, field: name,
    expected: `a column "${name}"`, received: records.header.join(','),
  });
}

/** Parses one numeric field, or throws naming its file, line and column. */
export function numberAt(records: CsvRecords, row: number, column: number): number {
  const raw = records.rows[row][column];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  if (Number.isFinite(value)) return value;
  throw new InputError({
    file: records.file, line: records.lines[row], field: records.header[column],
    expected: 'a number', received: raw ?? '',
  });
}
