import { InputError } from '../core/input-error.ts';
import { describeScale, isOnScale, type RatingScale } from './rating-scale.ts';

/** Where a field came from, for the error that names it. */
export interface FieldSource {
  file: string;
  line: number;
  field: string;
}

/** Ratings keep original ids in Int32Arrays: a larger id would wrap round silently. */
export const largestId = 2 ** 31 - 1;

export function parseId(text: string, source: FieldSource): number {
  const digits = /^\d{1,15}$/.test(text.trim());
  if (digits && Number(text) <= largestId) return Number(text);
  const expected = digits ? `an id of at most ${largestId}` : 'a non-negative integer id';
  throw new InputError({ ...source, expected, received: text });
}

export function parseRating(text: string, scale: RatingScale, source: FieldSource): number {
  // Plain decimals only: Number() alone would also take "0x5" and "4e0".
  const value = /^\s*\d{1,3}(\.\d{1,6})?\s*$/.test(text) ? Number(text) : NaN;
  if (isOnScale(value, scale)) return value;
  throw new InputError({ ...source, expected: describeScale(scale), received: text });
}

export function parseTimestamp(text: string, source: FieldSource): number {
  if (/^-?\d{1,15}$/.test(text.trim())) return Number(text);
  throw new InputError({ ...source, expected: 'a Unix timestamp in seconds', received: text });
}

/** An optional whole number (ages): empty gives null. */
export function parseOptionalInteger(text: string, source: FieldSource): number | null {
  if (text.trim() === '') return null;
  if (/^\d{1,6}$/.test(text.trim())) return Number(text);
  throw new InputError({ ...source, expected: 'a whole number or nothing', received: text });
}
