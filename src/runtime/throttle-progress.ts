import { filter, type MonoTypeOperatorFunction } from 'rxjs';
import type { StageEmission } from '../core/events.ts';

/**
 * Lets at most one progress emission through per interval (trainers report every batch),
 * always the first and the last (done === total); every other emission passes untouched.
 * Dropping instead of delaying keeps a stage's completion immediate.
 */
export function throttleProgress<T extends StageEmission>(
  intervalMs: number,
  now: () => number = Date.now,
): MonoTypeOperatorFunction<T> {
  let last = Number.NEGATIVE_INFINITY;
  return filter((emission) => {
    if (emission.type !== 'progress') return true;

    const time = now();
    if (time - last < intervalMs && emission.done < emission.total) return false;
    last = time;
    return true;
  });
}
