import type { DatasetTables } from './dataset-tables.ts';
import { ratingScale, type RatingScale } from './rating-scale.ts';

/** The headline numbers of a dataset. */
export interface DatasetOverview {
  layout: string;
  users: number;
  items: number;
  ratings: number;
  /** ratings / (users x items): the share of the rating matrix that is filled. */
  density: number;
  meanRating: number;
  ratingScale: RatingScale;
  /** False for layouts that know users only by id (MovieLens latest). */
  hasUserFeatures: boolean;
}

export function datasetOverview(tables: DatasetTables): DatasetOverview {
  const users = tables.users.numRows();
  const items = tables.items.numRows();
  const ratings = tables.ratings.numRows();

  return {
    layout: tables.meta.layout,
    users,
    items,
    ratings,
    density: users * items === 0 ? 0 : ratings / (users * items),
    meanRating: mean(tables.ratings.array('rating') as ArrayLike<number>),
    ratingScale: ratingScale(tables),
    hasUserFeatures: hasUserFeatures(tables),
  };
}

/** A layout has user features when any user has an age, a gender or an occupation. */
export function hasUserFeatures(tables: DatasetTables): boolean {
  const { users } = tables;
  for (let row = 0; row < users.numRows(); row++) {
    const known = ['age', 'gender', 'occupation'].some((column) => users.get(column, row) != null);
    if (known) return true;
  }
  return false;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  return values.length === 0 ? Number.NaN : sum / values.length;
}
