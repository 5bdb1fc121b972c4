import { useApp, useInput, useStdin } from 'ink';
import { useEffect } from 'react';
import type { Observable } from 'rxjs';
import type { RunEvent } from '../../core/events.ts';
import { useNow } from '../use-now.ts';
import { useRunEvents } from '../use-run-events.ts';
import { RunView } from './RunView.tsx';

export interface AppProps {
  events: Observable<RunEvent>;
  /** Ctrl-C: the runtime cancels the running stages, then completes the stream. */
  onCancel: () => void;
}

/**
 * The live UI of one run. It exits when the event stream completes (with the stream's error,
 * if it failed), so a cancelled run still shows its final state before the program ends.
 */
export function App({ events, onCancel }: AppProps) {
  const { state, dispatch, ended } = useRunEvents(events);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const live = ended === undefined;
  const now = useNow(1000, live);

  useInput((input, key) => {
    if (!key.ctrl || input !== 'c') return;
    dispatch({ type: 'cancel-requested' });
    onCancel();
  }, { isActive: isRawModeSupported === true && live });

  useEffect(() => {
    if (!ended) return;
    if (ended.error === undefined) exit();
    else exit(ended.error instanceof Error ? ended.error : new Error(String(ended.error)));
  }, [ended, exit]);

  // The clock ticks once a second; an event since the last tick must not make a node that
  // just started look as if it started in the future.
  const shownNow = live ? Math.max(now, state.lastAt ?? now) : state.lastAt ?? now;
  return <RunView state={state} now={shownNow} live={live} />;
}
