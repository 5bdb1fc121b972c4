import type { Observable } from 'rxjs';
import type { Writable } from 'node:stream';
import type { RunEvent } from '../core/events.ts';

export interface RenderOptions {
  /** True on a terminal: the live Ink UI. False: plain, rate-limited lines. */
  interactive: boolean;
  out: Writable;
  /** Called when the user asks to stop (Ctrl-C inside the UI). */
  onCancel: () => void;
}

/** Renders a run's events until the stream completes. Initial plain-text version. */
export function renderRun(events: Observable<RunEvent>, options: RenderOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    events.subscribe({
      next: (event) => {
        if (event.type === 'progress') return;
        options.out.write(`${JSON.stringify(event)}\n`);
      },
      error: reject,
      complete: resolve,
    });
  });
}
