import { divergingColours } from './chart-theme.ts';

/** The colour of `value` on the diverging scale over [-limit, +limit], clamped at the ends. */
export function divergingColour(value: number, limit = 1): string {
  const position = ((Math.max(-limit, Math.min(limit, value)) + limit) / (2 * limit)) *
    (divergingColours.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, divergingColours.length - 1);
  return mix(divergingColours[lower], divergingColours[upper], position - lower);
}

/** True when dark text would be hard to read on the value's colour. */
export function needsLightText(value: number, limit = 1): boolean {
  return Math.abs(value) / limit > 0.6;
}

function mix(from: string, to: string, amount: number): string {
  const a = rgb(from);
  const b = rgb(to);
  const channels = a.map((channel, index) => Math.round(channel + (b[index] - channel) * amount));
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
}
