import type { Ratings } from './ratings.ts';
import type { RatingScale } from './rating-scale.ts';

export type Layout = 'ml-100k' | 'ml-1m' | 'latest';

export interface UserRecord {
  userId: number;
  /** Years (100K) or the age group's lower bound (1M); null where the layout has none. */
  age: number | null;
  gender: string;
  occupation: string;
  zip: string;
}

export interface ItemRecord {
  itemId: number;
  title: string;
  year: number | null;
  genres: string[];
}

/** A data set as read from its files, before ids are made dense: ratings hold original ids. */
export interface RawDataset {
  layout: Layout;
  ratingScale: RatingScale;
  ratings: Ratings;
  /** Empty where the layout has no user file (the "latest" layout). */
  users: UserRecord[];
  items: ItemRecord[];
  genres: string[];
  occupations: string[];
  /** Official splits present (ml-100k: u1..u5, ua, ub), read later one by one. */
  officialSplits: string[];
}

/** What every layout reader gets: the folder, a way to report rows read, cancellation. */
export interface ReadContext {
  dir: string;
  signal?: AbortSignal;
  onProgress?: (file: string, rows: number, estimatedTotal: number) => void;
}

/** The year in a title such as "Toy Story (1995)", or null. */
export function yearOfTitle(title: string): number | null {
  const match = /\((\d{4})(?:[-–]\d{0,4})?\)\s*$/.exec(title);
  return match ? Number(match[1]) : null;
}
