const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * A loss curve in block characters, the last `width` values, scaled between their own
 * minimum and maximum so that a flattening loss still shows its shape.
 */
export function sparkline(values: number[], width = 24): string {
  const shown = values.filter(Number.isFinite).slice(-width);
  if (shown.length === 0) return '';

  const low = Math.min(...shown);
  const span = Math.max(...shown) - low;
  return shown
    .map((value) => {
      const level = span === 0 ? 0 : Math.round(((value - low) / span) * (LEVELS.length - 1));
      return LEVELS[level];
    })
    .join('');
}
