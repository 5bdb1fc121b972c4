import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/input-error.ts';
import { readDelimitedFile } from './delimited-rows.ts';
import { parseId, parseOptionalInteger, parseRating, parseTimestamp } from './field-parsers.ts';
import { RatingsBuilder } from './ratings-builder.ts';
import { ListedIds } from './listed-ids.ts';
import type { Ratings } from './ratings.ts';
import { starScale } from './rating-scale.ts';
import {
  yearOfTitle,
  type ItemRecord,
  type RawDataset,
  type ReadContext,
  type UserRecord,
} from './raw-dataset.ts';

export const officialSplitNames = ['u1', 'u2', 'u3', 'u4', 'u5', 'ua', 'ub'] as const;
const ratingFields = ['user id', 'item id', 'rating', 'timestamp'];

/** Reads the MovieLens 100K layout: u.data, u.item (Latin-1), u.user, u.genre, u.occupation. */
export async function readMovielens100k(context: ReadContext): Promise<RawDataset> {
  const genres = await readGenres(context);
  const occupations = await readOccupations(context);
  const items = await readItems(context, genres);
  const users = await readUsers(context);
  const ratings = await readRatingsFile(context, 'u.data');
  const officialSplits = await presentSplits(context.dir);

  return {
    layout: 'ml-100k',
    ratingScale: starScale,
    ratings,
    users,
    items,
    genres,
    occupations,
    officialSplits,
  };
}

/** Reads a tab-separated ratings file of the 100K layout (u.data, u1.base, ua.test, ...). */
export async function readRatingsFile(context: ReadContext, file: string): Promise<Ratings> {
  const builder = new RatingsBuilder();
  await readDelimitedFile(
    join(context.dir, file),
    {
      label: file,
      separator: '\t',
      encoding: 'utf8',
      fields: ratingFields,
      signal: context.signal,
      onProgress: (rows, total) => context.onProgress?.(file, rows, total),
    },
    (fields, line) => {
      const user = parseId(fields[0], { file, line, field: 'user id' });
      const item = parseId(fields[1], { file, line, field: 'item id' });
      const rating = parseRating(fields[2], starScale, { file, line, field: 'rating' });
      const timestamp = parseTimestamp(fields[3], { file, line, field: 'timestamp' });
      builder.push(user, item, rating, timestamp);
    },
  );
  return builder.build();
}

/** Reads one official split's base and test files, with original ids. */
export async function readOfficialSplit(context: ReadContext, name: string) {
  const base = await readRatingsFile(context, `${name}.base`);
  const test = await readRatingsFile(context, `${name}.test`);
  return { base, test };
}

async function readGenres(context: ReadContext): Promise<string[]> {
  const genres: string[] = [];
  await readDelimitedFile(
    join(context.dir, 'u.genre'),
    { label: 'u.genre', separator: '|', encoding: 'latin1', fields: ['genre', 'index'] },
    (fields, line) => {
      const index = parseId(fields[1], { file: 'u.genre', line, field: 'index' });
      // u.item's flag columns follow this numbering, so it must run 0, 1, 2 ... in order.
      if (index !== genres.length) {
        const expected = `genre index ${genres.length} (indices count up from 0 in order)`;
        throw new InputError({ file: 'u.genre', line, field: 'index', expected,
          received: fields[1] });
      }
      genres.push(fields[0]);
    },
  );

  if (genres.length === 0) {
    throw new InputError({ file: 'u.genre', expected: 'at least one genre|index line',
      received: 'only blank lines' });
  }
  return genres;
}

async function readOccupations(context: ReadContext): Promise<string[]> {
  const occupations: string[] = [];
  const path = join(context.dir, 'u.occupation');
  if (!(await exists(path))) return occupations;

  await readDelimitedFile(
    path,
    { label: 'u.occupation', separator: '|', encoding: 'latin1', fields: ['occupation'] },
    (fields) => occupations.push(fields[0].trim()),
  );
  return occupations;
}

async function readItems(context: ReadContext, genres: string[]): Promise<ItemRecord[]> {
  const items: ItemRecord[] = [];
  const listed = new ListedIds();
  const fields = ['movie id', 'title', 'release date', 'video release date', 'IMDb URL',
    ...genres.map((genre) => `genre ${genre}`)];

  await readDelimitedFile(
    join(context.dir, 'u.item'),
    { label: 'u.item', separator: '|', encoding: 'latin1', fields, signal: context.signal },
    (values, line) => {
      const itemId = parseId(values[0], { file: 'u.item', line, field: 'movie id' });
      listed.add(itemId, { file: 'u.item', line, field: 'movie id' });
      const itemGenres = genres.filter((_, g) => flag(values[5 + g], line, fields[5 + g]));
      const year = yearOfTitle(values[1]) ?? yearOfDate(values[2]);
      items.push({ itemId, title: values[1], year, genres: itemGenres });
    },
  );
  return items;
}

async function readUsers(context: ReadContext): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  const listed = new ListedIds();
  const fields = ['user id', 'age', 'gender', 'occupation', 'zip code'];

  await readDelimitedFile(
    join(context.dir, 'u.user'),
    { label: 'u.user', separator: '|', encoding: 'latin1', fields, signal: context.signal },
    (values, line) => {
      const userId = parseId(values[0], { file: 'u.user', line, field: 'user id' });
      listed.add(userId, { file: 'u.user', line, field: 'user id' });
      const age = parseOptionalInteger(values[1], { file: 'u.user', line, field: 'age' });
      users.push({ userId, age, gender: values[2], occupation: values[3], zip: values[4] });
    },
  );
  return users;
}

function flag(text: string, line: number, field: string): boolean {
  if (text === '0' || text === '1') return text === '1';
  throw new InputError({ file: 'u.item', line, field, expected: '0 or 1', received: text });
}

function yearOfDate(text: string): number | null {
  const match = /(\d{4})\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}

async function presentSplits(dir: string): Promise<string[]> {
  const files = new Set(await readdir(dir));
  const present = (name: string) => files.has(`${name}.base`) && files.has(`${name}.test`);
  return officialSplitNames.filter(present);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
