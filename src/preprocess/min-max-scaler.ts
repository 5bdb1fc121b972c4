/** A min-max scaler: maps [min, max] onto [0, 1]. Fitted values are kept in scalers.json. */
export interface MinMaxScaler {
  min: number;
  max: number;
}

/** Fits on the given values, skipping null and NaN (unknown ages). */
export function fitMinMax(values: Iterable<number | null | undefined>): MinMaxScaler {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || value === undefined || Number.isNaN(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) throw new RangeError('fitMinMax: no values to fit on');
  return { min, max };
}

/** Scales to [0, 1]; a constant feature (max = min) scales to 0. */
export function minMaxScale(value: number, scaler: MinMaxScaler): number {
  const range = scaler.max - scaler.min;
  return range === 0 ? 0 : (value - scaler.min) / range;
}

/** The inverse of minMaxScale. */
export function minMaxUnscale(scaled: number, scaler: MinMaxScaler): number {
  return scaler.min + scaled * (scaler.max - scaler.min);
}
