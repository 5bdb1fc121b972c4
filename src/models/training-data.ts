import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/input-error.ts';
import {
  numberAt, readCsvRecords, requireColumn, type CsvRecords,
} from '../data/read-csv-records.ts';
import type { FeatureTable } from './hybrid-model.ts';

/** Ratings of one part of a split, column-wise. */
export interface RatingSet {
  users: Int32Array;
  items: Int32Array;
  /** Original ratings, on the data set's scale. */
  ratings: Float32Array;
  /** Ratings as the model learns them, mapped to [0, 1] by the prepared rating scaler. */
  scaled: Float32Array;
}

export interface RatingScale {
  min: number;
  max: number;
}

/** What a trainer reads from a `prepared` artifact. */
export interface TrainingData {
  train: RatingSet;
  validation: RatingSet;
  numUsers: number;
  numItems: number;
  ratingScale: RatingScale;
  /** [ageScaled, one-hot gender, one-hot occupation] per user, when the layout has them. */
  userFeatures?: FeatureTable;
  /** The 0/1 genre columns per item, when the layout has them. */
  itemFeatures?: FeatureTable;
}

/**
 * Reads a prepared artifact. The index spaces are those of users.csv and items.csv (every
 * user and item of the data set), so a model can score pairs outside its training part.
 */
export async function readTrainingData(dir: string): Promise<TrainingData> {
  const meta = await readJson(join(dir, 'meta.json'));
  const scalers = await readJson(join(dir, 'scalers.json'));
  const users = await readOptionalCsv(join(dir, 'users.csv'));
  const items = await readOptionalCsv(join(dir, 'items.csv'));

  const trainRecords = await readCsvRecords(join(dir, 'train.csv'));
  const ratingScale = findRatingScale(scalers, meta) ?? observedScale(trainRecords);
  const train = toRatingSet(trainRecords, ratingScale);
  const validation = toRatingSet(await readCsvRecords(join(dir, 'validation.csv')), ratingScale);

  const numUsers = Math.max(users?.rows.length ?? 0, maxOf(train.users, validation.users) + 1);
  const numItems = Math.max(items?.rows.length ?? 0, maxOf(train.items, validation.items) + 1);
  return {
    train, validation, numUsers, numItems, ratingScale,
    userFeatures: users && userFeatureTable(users, numUsers),
    itemFeatures: items && itemFeatureTable(items, numItems, meta),
  };
}

/** Maps a rating to [0, 1]; `unscaleRating` is its exact inverse. */
export function scaleRating(rating: number, scale: RatingScale): number {
  return (rating - scale.min) / (scale.max - scale.min);
}

export function unscaleRating(scaled: number, scale: RatingScale): number {
  return scale.min + scaled * (scale.max - scale.min);
}

function toRatingSet(records: CsvRecords, scale: RatingScale): RatingSet {
  const [user, item, rating] = ['user', 'item', 'rating'].map((n) => requireColumn(records, n));
  const scaledColumn = records.header.indexOf('ratingScaled');
  const count = records.rows.length;
  const set: RatingSet = {
    users: new Int32Array(count), items: new Int32Array(count),
    ratings: new Float32Array(count), scaled: new Float32Array(count),
  };

  for (let row = 0; row < count; row++) {
    set.users[row] = checkIndex(records, row, user);
    set.items[row] = checkIndex(records, row, item);
    set.ratings[row] = numberAt(records, row, rating);
    set.scaled[row] = scaledColumn >= 0
      ? numberAt(records, row, scaledColumn)
      : scaleRating(set.ratings[row], scale);
  }
  return set;
}

function checkIndex(records: CsvRecords, row: number, column: number): number {
  const value = numberAt(records, row, column);
  if (Number.isInteger(value) && value >= 0) return value;
  throw new InputError({
    file: records.file, line: records.lines[row], field: records.header[column],
    expected: 'a dense index >= 0', received: records.rows[row][column],
  });
}

/** The rating scaler as scale-features writes it, or the data set's scale from meta.json. */
function findRatingScale(...sources: Record<string, unknown>[]): RatingScale | undefined {
  for (const source of sources) {
    for (const key of ['rating', 'ratingScale', 'ratings']) {
      const scale = source[key] as Partial<RatingScale> | undefined;
      if (typeof scale?.min === 'number' && typeof scale.max === 'number') {
        return { min: scale.min, max: scale.max };
      }
    }
  }
  return undefined;
}

function observedScale(records: CsvRecords): RatingScale {
  const column = requireColumn(records, 'rating');
  let min = Infinity;
  let max = -Infinity;
  records.rows.forEach((_, row) => {
    const value = numberAt(records, row, column);
    min = Math.min(min, value);
    max = Math.max(max, value);
  });
  return { min, max };
}

/** Users' side features; none when the layout lacks them (empty age fields, say). */
function userFeatureTable(users: CsvRecords, numUsers: number): FeatureTable | undefined {
  const columns = ['user', 'ageScaled', 'genderIndex', 'occupationIndex']
    .map((name) => users.header.indexOf(name));
  if (columns.includes(-1) || users.rows.some((row) => columns.some((c) => row[c] === ''))) {
    return undefined;
  }

  const [user, age, gender, occupation] = columns;
  const read = (column: number) => users.rows.map((_, row) => numberAt(users, row, column));
  const [userIds, ages, genders, occupations] = [user, age, gender, occupation].map(read);
  const genderCount = Math.max(0, ...genders) + 1;
  const occupationCount = Math.max(0, ...occupations) + 1;
  const width = 1 + genderCount + occupationCount;

  const values = new Float32Array(numUsers * width);
  // An unknown gender or occupation (-1) leaves its one-hot block all zero.
  userIds.forEach((index, row) => {
    values[index * width] = ages[row];
    if (genders[row] >= 0) values[index * width + 1 + genders[row]] = 1;
    if (occupations[row] >= 0) values[index * width + 1 + genderCount + occupations[row]] = 1;
  });
  const names = [
    'ageScaled', ...range(genderCount, 'gender'), ...range(occupationCount, 'occupation'),
  ];
  return { values, width, names };
}

const itemColumnsNotGenres = new Set(['item', 'itemId', 'title', 'year', 'genres', 'releaseDate']);

/** Genre indicator columns: meta.json's genreColumns if present, else every 0/1 column. */
function itemFeatureTable(
  items: CsvRecords,
  numItems: number,
  meta: Record<string, unknown>,
): FeatureTable | undefined {
  const listed = Array.isArray(meta.genreColumns) ? (meta.genreColumns as string[]) : [];
  const candidates = listed.length > 0 && listed.every((g) => items.header.includes(g))
    ? listed
    : items.header.filter((name) => !itemColumnsNotGenres.has(name));
  const columns = candidates.map((name) => items.header.indexOf(name))
    .filter((column) => items.rows.every((row) => row[column] === '0' || row[column] === '1'));
  if (columns.length === 0 || !items.header.includes('item')) return undefined;

  const item = requireColumn(items, 'item');
  const width = columns.length;
  const values = new Float32Array(numItems * width);
  items.rows.forEach((row, index) => {
    const at = numberAt(items, index, item) * width;
    columns.forEach((column, k) => { values[at + k] = row[column] === '1' ? 1 : 0; });
  });
  return { values, width, names: columns.map((column) => items.header[column]) };
}

function range(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

function maxOf(...arrays: Int32Array[]): number {
  let max = -1;
  for (const array of arrays) for (const value of array) max = Math.max(max, value);
  return max;
}

async function readOptionalCsv(file: string): Promise<CsvRecords | undefined> {
  try {
    return await readCsvRecords(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
