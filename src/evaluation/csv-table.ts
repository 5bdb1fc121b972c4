import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';
import { parseCsvLine } from './csv-line.ts';

/** A CSV file read whole: its header and its rows of raw fields. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

/** Reads a small artifact CSV whole. Artifacts are written by us, so lines never wrap. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  const text = await readFile(file, 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new InputError({ file, expected: 'a CSV header row' });

  const header = parseCsvLine(lines[0]);
  const rows = lines.slice(1).map(parseCsvLine);
  return { file, header, rows };
}

/** The position of a named column; throws naming the file and the columns it has. */
export function columnIndex(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index >= 0) return index;

  throw new InputError({
    file: table.file,
    line: 1,
    field: name,
    expected: `a column "${name}"`,
    received: table.header.join(','),
  });
}
