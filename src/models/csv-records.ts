import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';

/** A small artifact CSV read whole: header names and rows of raw fields. */
export interface CsvRecords {
  file: string;
  header: string[];
  rows: string[][];
}

/** Reads a CSV we wrote ourselves (RFC 4180 quoting, no line breaks inside fields). */
export async function readCsvRecords(file: string): Promise<CsvRecords> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new InputError({ file, line: 1, expected: 'a header row' });

  return { file, header: splitCsvLine(lines[0]), rows: lines.slice(1).map(splitCsvLine) };
}

export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');

  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
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
    file: records.file, line: row + 2, field: records.header[column],
    expected: 'a number', received: raw ?? '',
  });
}
