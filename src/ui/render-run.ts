import type { Observable } from 'rxjs';
import type { Writable } from 'node:stream';
import type { RunEvent } from '../core/events.ts';
import { PlainLogger, type PlainLoggerOptions } from './plain-logger.ts';

export interface RenderOptions {
  /** True on a terminal: the live Ink UI. False: plain, rate-limited lines. */
  interactive: boolean;
  out: Writable;
  /** Called when the user asks to stop (Ctrl-C inside the UI). */
  onCancel: () => void;
  /** For the plain lines only. */
  plain?: PlainLoggerOptions;
}

/**
 * Renders a run's events until the stream completes, then resolves; rejects with the
 * stream's error. On a terminal this is the Ink UI, elsewhere the plain logger.
 */
export function renderRun(events: Observable<RunEvent>, options: RenderOptions): Promise<void> {
  return options.interactive
    ? renderInk(events, options)
    : renderPlain(events, options.out, options.plain);
}

async function renderInk(events: Observable<RunEvent>, options: RenderOptions): Promise<void> {
  // Ctrl-C arrives as a key while Ink holds the terminal in raw mode: the App turns it into
  // onCancel and keeps drawing until the runtime has stopped the running stages.
  // Ink and React are loaded only here: they take seconds to import, and logs, pipes and
  // --json never need them.
  const [{ render }, { createElement }, { App }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./components/App.tsx'),
  ]);
  const instance = render(createElement(App, { events, onCancel: options.onCancel }), {
    stdout: options.out as NodeJS.WriteStream,
    exitOnCtrlC: false,
  });
  await instance.waitUntilExit();
}

function renderPlain(
  events: Observable<RunEvent>,
  out: Writable,
  options?: PlainLoggerOptions,
): Promise<void> {
  const logger = new PlainLogger((line) => out.write(`${line}\n`), options);
  return new Promise((resolve, reject) => {
    events.subscribe({
      next: (event) => logger.next(event),
      error: (error: unknown) => {
        logger.complete();
        reject(error);
      },
      complete: () => {
        logger.complete();
        resolve();
      },
    });
  });
}
