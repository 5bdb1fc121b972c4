import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MinMaxScaler } from './min-max-scaler.ts';

/** The `scalers.json` of a prepared artifact: every scaler, fitted on the training part. */
export interface Scalers {
  /** The data set's declared rating scale; see scaleRating. */
  rating: MinMaxScaler;
  /** Ages of the users present in train.csv; null where the layout has no ages. */
  age: (MinMaxScaler & { fittedOnUsers: number }) | null;
}

export async function readScalers(preparedDir: string): Promise<Scalers> {
  return JSON.parse(await readFile(join(preparedDir, 'scalers.json'), 'utf8')) as Scalers;
}
