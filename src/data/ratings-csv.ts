import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../core/input-error.ts';
import { RatingsBuilder } from './ratings-builder.ts';
import type { Ratings } from './ratings.ts';
import { writeLines } from './write-lines.ts';

const columns = ['user', 'item', 'rating', 'timestamp'] as const;

/** An extra numeric column written after the four rating columns (e.g. ratingScaled). */
export interface ExtraColumn {
  name: string;
  values: ArrayLike<number>;
}

/** Writes ratings as the artifacts' CSV: user,item,rating,timestamp[,extra...]. */
export async function writeRatingsCsv(
  path: string,
  ratings: Ratings,
  extra: ExtraColumn[] = [],
): Promise<void> {
  const header = [...columns, ...extra.map((column) => column.name)].join(',');
  const { user, item, rating, timestamp } = ratings;

  await writeLines(path, header, user.length, (i) => {
    let line = `${user[i]},${item[i]},${rating[i]},${timestamp[i]}`;
    for (const column of extra) line += `,${column.values[i]}`;
    return line;
  });
}

/**
 * Reads an artifact ratings CSV (a dataset's ratings.csv, a split's train.csv, ...) into
 * typed arrays. Columns are found by header name, so extra columns are allowed.
 */
export async function readRatingsCsv(path: string): Promise<Ratings> {
  const builder = new RatingsBuilder();
  const decoder = new StringDecoder('utf8');
  let positions: number[] | undefined;
  let rest = '';
  let line = 0;

  const take = (text: string) => {
    line++;
    if (text === '') return;
    if (!positions) return void (positions = headerPositions(path, text));
    const fields = text.split(',');
    const values = positions.map((position) => fields[position]);
    if (values.some((value) => value === undefined || value === '')) badRow(path, line, text);
    const [u, i, r, t] = values.map(Number);
    if (Number.isNaN(u + i + r + t)) badRow(path, line, text);
    builder.push(u, i, r, t);
  };

  for await (const chunk of createReadStream(path)) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop() ?? '';
    for (const text of lines) take(text.endsWith('\r') ? text.slice(0, -1) : text);
  }
  take(rest + decoder.end());

  if (!positions) throw new InputError({ file: path, expected: 'a header row', received: '' });
  return builder.build();
}

function headerPositions(path: string, header: string): number[] {
  const names = header.split(',');
  const positions = columns.map((name) => names.indexOf(name));
  if (positions.every((position) => position >= 0)) return positions;
  throw new InputError({
    file: path,
    line: 1,
    expected: `a header with the columns ${columns.join(', ')}`,
    received: header,
  });
}

function badRow(path: string, line: number, text: string): never {
  throw new InputError({
    file: path,
    line,
    expected: 'numeric user, item, rating and timestamp fields',
    received: text,
  });
}
