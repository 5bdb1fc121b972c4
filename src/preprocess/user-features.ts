import { escape, type ColumnTable } from 'arquero';
import { fitMinMax, minMaxScale, type MinMaxScaler } from './min-max-scaler.ts';

interface UserRow {
  user: number;
  age: number | null | undefined;
  gender: string | null | undefined;
  occupation: string | null | undefined;
}

/**
 * Fits the age scaler on the users who have ratings in the training part only, so nothing
 * about validation or test users leaks into the features. Null where no user has an age.
 */
export function fitAgeScaler(users: ColumnTable, trainUsers: Set<number>): MinMaxScaler | null {
  const ages = (users.objects() as UserRow[])
    .filter((row) => trainUsers.has(row.user))
    .map((row) => (typeof row.age === 'number' ? row.age : null));
  return ages.some((age) => age !== null) ? fitMinMax(ages) : null;
}

/**
 * Adds ageScaled (clipped to [0, 1], empty without an age), genderIndex (position in
 * `genders`, -1 if unknown) and occupationIndex (position in `occupations`, -1 if unknown).
 */
export function userFeatures(
  users: ColumnTable,
  age: MinMaxScaler | null,
  genders: string[],
  occupations: string[],
): ColumnTable {
  const scaleAge = (value: unknown) => {
    if (age === null || typeof value !== 'number') return undefined;
    return Math.min(1, Math.max(0, minMaxScale(value, age)));
  };

  return users.derive({
    ageScaled: escape((d: UserRow) => scaleAge(d.age)),
    genderIndex: escape((d: UserRow) => genders.indexOf(d.gender ?? '')),
    occupationIndex: escape((d: UserRow) => occupations.indexOf(d.occupation ?? '')),
  });
}

/** The distinct non-empty genders, sorted (F, M in MovieLens). */
export function genderValues(users: ColumnTable): string[] {
  const values = new Set((users.array('gender') as unknown[]).map((g) => String(g ?? '')));
  values.delete('');
  return [...values].sort();
}
