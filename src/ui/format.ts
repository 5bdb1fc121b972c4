/** Short human forms of durations, rates and losses, shared by the Ink UI and the plain logger. */

/** 850ms, 3.2s, 1m 05s, 2h 03m. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;

  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${pad2(minutes)}m`;
  return `${minutes}m ${pad2(seconds)}s`;
}

/** 312, 45.2k, 1.2M: a count or a rate in at most five characters. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const size = Math.abs(value);
  if (size >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (size >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return String(Math.round(value));
}

/** Four significant digits: enough to see a loss move, short enough for a row. */
export function formatLoss(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value.toPrecision(4);
}

/** A summary's scalar fields as `key=value` pairs, for one row or one line. */
export function formatSummary(summary: Record<string, unknown> | undefined, max = 4): string {
  if (!summary) return '';
  return Object.entries(summary)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, max)
    .map(([key, value]) => `${key}=${typeof value === 'number' ? formatNumber(value) : value}`)
    .join(' ');
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
