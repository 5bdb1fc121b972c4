import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { globalMeanRmse, plantedRatings } from './models-fixture.ts';
import type { RatingSet } from '../src/models/training-data.ts';

const genres = ['unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime',
  'Documentary', 'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance',
  'Sci-Fi', 'Thriller', 'War', 'Western'];
const occupations = ['student', 'writer', 'engineer', 'artist', 'other'];

export interface Planted100k {
  users: number;
  items: number;
  ratings: number;
  /** Ratings in u1.base and u1.test. */
  base: number;
  test: number;
  /** RMSE on u1.test of predicting the mean training rating: what a model must beat. */
  meanRmse: number;
}

/**
 * Writes a MovieLens 100K folder of planted ratings into `dir`: u.data, u.item (Latin-1, 19
 * genre flags), u.user, u.genre, u.occupation and one official split, u1, whose test part is
 * the planted test part. The ratings follow a rank-2 structure plus biases, so a trained
 * model has something to find.
 */
export async function writePlanted100k(dir: string, users = 100, items = 80): Promise<Planted100k> {
  const planted = plantedRatings(users, items, 11);
  const { data, test } = planted;
  const base = [...ratingLines(data.train, 0), ...ratingLines(data.validation, data.train.users
    .length)];
  const held = ratingLines(test, base.length);

  await writeFile(join(dir, 'u.data'), [...base, ...held].join('\n') + '\n');
  await writeFile(join(dir, 'u1.base'), base.join('\n') + '\n');
  await writeFile(join(dir, 'u1.test'), held.join('\n') + '\n');
  await writeFile(join(dir, 'u.item'), itemsFile(items));
  await writeFile(join(dir, 'u.user'), usersFile(users));
  await writeFile(join(dir, 'u.genre'), genres.map((g, k) => `${g}|${k}`).join('\n') + '\n\n');
  await writeFile(join(dir, 'u.occupation'), occupations.join('\n') + '\n');
  return { users, items, ratings: base.length + held.length, base: base.length,
    test: held.length, meanRmse: globalMeanRmse(planted) };
}

/** Tab-separated lines with 1-based ids; timestamps count up from `offset` so none repeat. */
function ratingLines(set: RatingSet, offset: number): string[] {
  return Array.from(set.users, (user, k) =>
    `${user + 1}\t${set.items[k] + 1}\t${set.ratings[k]}\t${880000000 + offset + k}`);
}

/** Every title is Latin-1; every third carries an accented letter, as a few real ones do. */
function itemsFile(items: number): Buffer {
  const lines = Array.from({ length: items }, (_, i) => {
    const title = i % 3 === 0 ? `Misérables ${i}, Les (1995)` : `Film ${i} (199${i % 10})`;
    const flags = genres.map((_, g) => (g === 1 + (i % 18) || g === 1 + ((i * 7) % 18) ? 1 : 0));
    return `${i + 1}|${title}|01-Jan-1995||http://example.invalid/${i + 1}|${flags.join('|')}`;
  });
  return Buffer.from(lines.join('\n') + '\n', 'latin1');
}

function usersFile(users: number): string {
  const lines = Array.from({ length: users }, (_, u) => {
    const gender = u % 2 ? 'F' : 'M';
    return `${u + 1}|${18 + ((u * 7) % 50)}|${gender}|${occupations[u % occupations.length]}|` +
      `${10000 + u}`;
  });
  return lines.join('\n') + '\n';
}
