/** Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, targetCount = 5): number[] {
  if (!(max > min)) return [min];

  const rough = (max - min) / targetCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((s) => s >= rough) ?? rough;

  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  return Array.from({ length: last - first + 1 }, (_, index) => cleanFloat((first + index) * step));
}

/** The smallest nice value at or above `value`, for the top of a count axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * power >= value) ?? 10;
  return cleanFloat(factor * power);
}

/** 0.30000000000000004 -> 0.3, so tick labels read cleanly. */
function cleanFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
