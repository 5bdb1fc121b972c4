import { useEffect, useReducer, useState } from 'react';
import type { Observable } from 'rxjs';
import type { RunEvent } from '../core/events.ts';
import { reduceEvent, type ViewAction } from './reduce-event.ts';
import { initialViewState, type ViewState } from './view-state.ts';

/** How the event stream ended: completed, or errored with `error`. */
export interface StreamEnd {
  error?: unknown;
}

/** Subscribes to a run's events and folds them into the view state. */
export function useRunEvents(events: Observable<RunEvent>): {
  state: ViewState;
  dispatch: (action: ViewAction) => void;
  ended?: StreamEnd;
} {
  const [state, dispatch] = useReducer(reduceEvent, undefined, initialViewState);
  const [ended, setEnded] = useState<StreamEnd>();

  useEffect(() => {
    const subscription = events.subscribe({
      next: dispatch,
      error: (error: unknown) => setEnded({ error }),
      complete: () => setEnded({}),
    });
    return () => subscription.unsubscribe();
  }, [events]);

  return { state, dispatch, ended };
}
