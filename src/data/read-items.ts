import { join } from 'node:path';
import { readCsvRecords, recordObjects } from './read-csv-records.ts';

/** One row of a dataset's items.csv. */
export interface Item {
  /** Dense 0-based index. */
  item: number;
  /** The id in the original files. */
  itemId: number;
  title: string;
  year: number | null;
  genres: string[];
}

/** The items of a dataset artifact, by dense index (items[i].item === i). */
export async function readItems(dir: string): Promise<Item[]> {
  const records = await readCsvRecords(join(dir, 'items.csv'), ['item', 'itemId', 'title']);
  return recordObjects(records).map((record) => ({
    item: Number(record.item),
    itemId: Number(record.itemId),
    title: record.title,
    year: record.year ? Number(record.year) : null,
    genres: record.genres ? record.genres.split('|') : [],
  }));
}
