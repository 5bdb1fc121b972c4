import { join } from 'node:path';
import { readCsvRecords, recordObjects } from './read-csv-records.ts';

/** One row of a dataset's users.csv; empty strings and nulls where the layout has none. */
export interface User {
  /** Dense 0-based index. */
  user: number;
  /** The id in the original files. */
  userId: number;
  age: number | null;
  gender: string;
  occupation: string;
  zip: string;
}

/** The users of a dataset artifact, by dense index (users[u].user === u). */
export async function readUsers(dir: string): Promise<User[]> {
  const records = await readCsvRecords(join(dir, 'users.csv'), ['user', 'userId']);
  return recordObjects(records).map((record) => ({
    user: Number(record.user),
    userId: Number(record.userId),
    age: record.age ? Number(record.age) : null,
    gender: record.gender ?? '',
    occupation: record.occupation ?? '',
    zip: record.zip ?? '',
  }));
}
