/** Mean and sample standard deviation (n - 1) of the values that are not null. */
export interface MeanAndStd {
  mean: number | null;
  /** Null with fewer than two values: one split says nothing about the spread. */
  std: number | null;
  count: number;
}

export function meanAndStd(values: readonly (number | null)[]): MeanAndStd {
  const present = values.filter((value): value is number => value !== null && !Number.isNaN(value));
  const count = present.length;
  if (count === 0) return { mean: null, std: null, count };

  const mean = present.reduce((sum, value) => sum + value, 0) / count;
  if (count < 2) return { mean, std: null, count };
  const squares = present.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (count - 1)), count };
}
