import { columnByIndex } from './column-by-index.ts';
import type { DatasetTables } from './dataset-tables.ts';

/** How a report shows a numeric column; columns without one are shown as they are. */
export type CellFormat = 'count' | 'decimal' | 'percent';

export type CellValue = string | number | null | string[];

/** A small table for the report: column names and rows of plain values. */
export interface RowTable {
  columns: string[];
  rows: Record<string, CellValue>[];
  formats?: Record<string, CellFormat>;
}

/** The first rows of users, items and ratings, each shown with original ids and titles. */
export interface FirstRows {
  users: RowTable;
  items: RowTable;
  ratings: RowTable;
}

export function firstRows(tables: DatasetTables, count: number): FirstRows {
  return {
    users: headOf(tables.users.slice(0, count).objects(), [
      'userId', 'age', 'gender', 'occupation', 'zip',
    ]),
    items: headOf(tables.items.slice(0, count).objects(), ['itemId', 'title', 'year', 'genres']),
    ratings: ratingsHead(tables, count),
  };
}

/** Ratings carry dense indices; the reader wants the original ids, the title and a date. */
function ratingsHead(tables: DatasetTables, count: number): RowTable {
  const userIds = columnByIndex<string>(tables.users, 'user', 'userId');
  const itemIds = columnByIndex<string>(tables.items, 'item', 'itemId');
  const titles = columnByIndex<string>(tables.items, 'item', 'title');

  const rows = tables.ratings.slice(0, count).objects().map((row) => {
    const rating = row as { user: number; item: number; rating: number; timestamp: number | null };
    return {
      userId: userIds[rating.user] ?? null,
      itemId: itemIds[rating.item] ?? null,
      title: titles[rating.item] ?? null,
      rating: rating.rating,
      date: rating.timestamp == null ? null : isoDate(rating.timestamp),
    };
  });
  return { columns: ['userId', 'itemId', 'title', 'rating', 'date'], rows };
}

function headOf(objects: object[], columns: string[]): RowTable {
  const rows = objects.map((object) => {
    const source = object as Record<string, CellValue>;
    return Object.fromEntries(columns.map((column) => [column, source[column] ?? null]));
  });
  return { columns, rows };
}

function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
