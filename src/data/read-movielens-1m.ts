import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readDelimitedFile } from './delimited-rows.ts';
import { parseId, parseOptionalInteger, parseRating, parseTimestamp } from './field-parsers.ts';
import { RatingsBuilder } from './ratings-builder.ts';
import { ListedIds } from './listed-ids.ts';
import { starScale } from './rating-scale.ts';
import {
  yearOfTitle,
  type ItemRecord,
  type RawDataset,
  type ReadContext,
  type UserRecord,
} from './raw-dataset.ts';
import { sortedGenres } from './sorted-genres.ts';

/** Occupation codes of users.dat, as the MovieLens 1M README lists them. */
const occupationNames = [
  'other', 'academic/educator', 'artist', 'clerical/admin', 'college/grad student',
  'customer service', 'doctor/health care', 'executive/managerial', 'farmer', 'homemaker',
  'K-12 student', 'lawyer', 'programmer', 'retired', 'sales/marketing', 'scientist',
  'self-employed', 'technician/engineer', 'tradesman/craftsman', 'unemployed', 'writer',
];

/**
 * Reads the MovieLens 1M layout: '::'-separated, Latin-1 ratings.dat, movies.dat and
 * users.dat (users.dat is optional, as in the 10M release).
 */
export async function readMovielens1m(context: ReadContext): Promise<RawDataset> {
  const items = await readMovies(context);
  const users = await readUsers(context);
  const usedOccupations = new Set(users.map((user) => user.occupation));

  return {
    layout: 'ml-1m',
    ratingScale: starScale,
    ratings: await readRatings(context),
    users,
    items,
    genres: sortedGenres(items),
    occupations: occupationNames.filter((name) => usedOccupations.has(name)),
    officialSplits: [],
  };
}

function datOptions(context: ReadContext, label: string, fields: string[]) {
  return {
    label,
    separator: '::',
    encoding: 'latin1' as const,
    fields,
    signal: context.signal,
    onProgress: (rows: number, total: number) => context.onProgress?.(label, rows, total),
  };
}

async function readRatings(context: ReadContext) {
  const file = 'ratings.dat';
  const builder = new RatingsBuilder();
  const fields = ['UserID', 'MovieID', 'Rating', 'Timestamp'];

  await readDelimitedFile(join(context.dir, file), datOptions(context, file, fields), (v, line) => {
    builder.push(
      parseId(v[0], { file, line, field: 'UserID' }),
      parseId(v[1], { file, line, field: 'MovieID' }),
      parseRating(v[2], starScale, { file, line, field: 'Rating' }),
      parseTimestamp(v[3], { file, line, field: 'Timestamp' }),
    );
  });
  return builder.build();
}

async function readMovies(context: ReadContext): Promise<ItemRecord[]> {
  const file = 'movies.dat';
  const items: ItemRecord[] = [];
  const listed = new ListedIds();
  const fields = ['MovieID', 'Title', 'Genres'];

  const options = { ...datOptions(context, file, fields), freeTextField: 1 };
  await readDelimitedFile(join(context.dir, file), options, (v, line) => {
    const itemId = parseId(v[0], { file, line, field: 'MovieID' });
    listed.add(itemId, { file, line, field: 'MovieID' });
    const genres = v[2] === '' || v[2] === '(no genres listed)' ? [] : v[2].split('|');
    items.push({ itemId, title: v[1], year: yearOfTitle(v[1]), genres });
  });
  return items;
}

async function readUsers(context: ReadContext): Promise<UserRecord[]> {
  const file = 'users.dat';
  const path = join(context.dir, file);
  const users: UserRecord[] = [];
  if (!(await access(path).then(() => true, () => false))) return users;

  const fields = ['UserID', 'Gender', 'Age', 'Occupation', 'Zip-code'];
  const listed = new ListedIds();
  await readDelimitedFile(path, datOptions(context, file, fields), (v, line) => {
    const userId = parseId(v[0], { file, line, field: 'UserID' });
    listed.add(userId, { file, line, field: 'UserID' });
    const age = parseOptionalInteger(v[2], { file, line, field: 'Age' });
    const code = parseId(v[3], { file, line, field: 'Occupation' });
    const occupation = occupationNames[code] ?? String(code);
    users.push({ userId, age, gender: v[1], occupation, zip: v[4] });
  });
  return users;
}
