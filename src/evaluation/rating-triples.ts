import { InputError } from '../core/input-error.ts';
import { columnIndex, readCsvTable } from './csv-table.ts';

/** Ratings as parallel typed arrays of dense user and item indices and original ratings. */
export interface RatingTriples {
  users: Int32Array;
  items: Int32Array;
  ratings: Float64Array;
}

export function makeRatingTriples(rows: readonly (readonly [number, number, number])[]) {
  const triples: RatingTriples = {
    users: Int32Array.from(rows, (row) => row[0]),
    items: Int32Array.from(rows, (row) => row[1]),
    ratings: Float64Array.from(rows, (row) => row[2]),
  };
  return triples;
}

/** Reads the user, item and rating columns of a ratings CSV (split or prepared artifact). */
export async function readRatingTriples(file: string): Promise<RatingTriples> {
  const table = await readCsvTable(file);
  const columns = ['user', 'item', 'rating'].map((name) => columnIndex(table, name));
  const triples: RatingTriples = {
    users: new Int32Array(table.rows.length),
    items: new Int32Array(table.rows.length),
    ratings: new Float64Array(table.rows.length),
  };

  table.rows.forEach((row, rowIndex) => {
    const [user, item, rating] = columns.map((column) => Number(row[column]));
    const line = rowIndex + 2;
    checkIndex(file, line, 'user', user, row[columns[0]]);
    checkIndex(file, line, 'item', item, row[columns[1]]);
    if (!Number.isFinite(rating)) {
      throw new InputError({
        file, line, field: 'rating', expected: 'a number', received: row[columns[2]],
      });
    }
    triples.users[rowIndex] = user;
    triples.items[rowIndex] = item;
    triples.ratings[rowIndex] = rating;
  });
  return triples;
}

function checkIndex(file: string, line: number, field: string, value: number, raw: string) {
  if (Number.isInteger(value) && value >= 0) return;
  throw new InputError({ file, line, field, expected: 'a dense index >= 0', received: raw });
}

/** The rows of several parts, one after the other (e.g. training plus validation). */
export function concatTriples(parts: readonly RatingTriples[]): RatingTriples {
  const length = parts.reduce((total, part) => total + part.users.length, 0);
  const joined: RatingTriples = {
    users: new Int32Array(length),
    items: new Int32Array(length),
    ratings: new Float64Array(length),
  };

  let offset = 0;
  for (const part of parts) {
    joined.users.set(part.users, offset);
    joined.items.set(part.items, offset);
    joined.ratings.set(part.ratings, offset);
    offset += part.users.length;
  }
  return joined;
}
