import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/input-error.ts';
import { csvField } from './csv-field.ts';
import type { DatasetMeta } from './dataset-meta.ts';
import { IdMap } from './id-map.ts';
import type { RawDataset } from './raw-dataset.ts';
import type { Ratings } from './ratings.ts';
import { writeLines } from './write-lines.ts';
import { writeRatingsCsv } from './ratings-csv.ts';

/** The dense index spaces of a data set: every user and item of its files. */
export interface DenseIds {
  users: IdMap;
  items: IdMap;
}

/** Indexes every user and item of the user/item files and of the ratings. */
export function denseIds(raw: RawDataset): DenseIds {
  const users = new IdMap();
  const items = new IdMap();
  for (const user of raw.users) users.add(user.userId);
  for (const item of raw.items) items.add(item.itemId);
  for (let i = 0; i < raw.ratings.user.length; i++) {
    users.add(raw.ratings.user[i]);
    items.add(raw.ratings.item[i]);
  }
  users.freeze();
  items.freeze();
  return { users, items };
}

/** Rewrites original ids to dense indices, in place; an id outside the maps is an error. */
export function toDenseIndices(ratings: Ratings, ids: DenseIds, file: string): Ratings {
  for (let i = 0; i < ratings.user.length; i++) {
    const user = ids.users.index(ratings.user[i]);
    const item = ids.items.index(ratings.item[i]);
    if (user < 0 || item < 0) {
      const field = user < 0 ? 'user id' : 'item id';
      const received = String(user < 0 ? ratings.user[i] : ratings.item[i]);
      const expected = 'an id of the data set';
      throw new InputError({ file, line: i + 1, field, expected, received });
    }
    ratings.user[i] = user;
    ratings.item[i] = item;
  }
  return ratings;
}

/** Writes meta.json, ratings.csv, users.csv and items.csv of a dataset artifact. */
export async function writeDataset(
  dir: string,
  raw: RawDataset,
  ids: DenseIds,
  origin: DatasetMeta['origin'],
): Promise<DatasetMeta> {
  const listed = new Set(raw.items.map((item) => item.itemId));
  const rated = new Set(raw.ratings.item);
  let ratingsOfUnlistedItems = 0;
  for (const item of raw.ratings.item) if (!listed.has(item)) ratingsOfUnlistedItems++;

  toDenseIndices(raw.ratings, ids, raw.layout === 'ml-100k' ? 'u.data' : 'ratings');
  await mkdir(join(dir, 'splits'), { recursive: true });
  await writeRatingsCsv(join(dir, 'ratings.csv'), raw.ratings);
  await writeUsers(dir, raw, ids);
  await writeItems(dir, raw, ids);

  const meta: DatasetMeta = {
    layout: raw.layout,
    origin,
    ratingScale: raw.ratingScale,
    counts: {
      users: ids.users.size,
      items: ids.items.size,
      ratings: raw.ratings.user.length,
      unratedItems: [...listed].filter((item) => !rated.has(item)).length,
      ratingsOfUnlistedItems,
    },
    genres: raw.genres,
    occupations: raw.occupations,
    officialSplits: raw.officialSplits,
  };
  await writeFile(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

async function writeUsers(dir: string, raw: RawDataset, ids: DenseIds): Promise<void> {
  const byId = new Map(raw.users.map((user) => [user.userId, user]));
  const userIds = ids.users.ids();

  await writeLines(join(dir, 'users.csv'), 'user,userId,age,gender,occupation,zip',
    userIds.length, (index) => {
      const id = userIds[index];
      const user = byId.get(id);
      const fields = [user?.age, user?.gender, user?.occupation, user?.zip].map(csvField);
      return [index, id, ...fields].join(',');
    });
}

async function writeItems(dir: string, raw: RawDataset, ids: DenseIds): Promise<void> {
  const byId = new Map(raw.items.map((item) => [item.itemId, item]));
  const itemIds = ids.items.ids();

  await writeLines(join(dir, 'items.csv'), 'item,itemId,title,year,genres',
    itemIds.length, (index) => {
      const id = itemIds[index];
      const item = byId.get(id);
      const fields = [item?.title, item?.year, item?.genres.join('|')].map(csvField);
      return [index, id, ...fields].join(',');
    });
}
