import type { ColumnTable } from 'arquero';

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge. */
  to: number;
  count: number;
}

/**
 * Users per age bin of `binWidth` years, bins aligned to multiples of the width, from the
 * youngest user's bin to the oldest's with empty bins kept. Users without an age are skipped.
 */
export function ageHistogram(users: ColumnTable, binWidth: number): HistogramBin[] {
  const ages = users.array('age') as ArrayLike<number | null>;
  const known = Array.from(ages).filter((age): age is number => age != null);
  if (known.length === 0) return [];

  const youngest = known.reduce((low, age) => Math.min(low, age));
  const oldest = known.reduce((high, age) => Math.max(high, age));
  const first = Math.floor(youngest / binWidth);
  const last = Math.floor(oldest / binWidth);
  const bins = Array.from({ length: last - first + 1 }, (_, index) => ({
    from: (first + index) * binWidth,
    to: (first + index + 1) * binWidth,
    count: 0,
  }));
  for (const age of known) bins[Math.floor(age / binWidth) - first].count++;
  return bins;
}
