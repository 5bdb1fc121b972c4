import { Text } from 'ink';
import { formatDuration } from '../format.ts';
import type { ViewState } from '../view-state.ts';

/** How the run ended, or that it is being cancelled, or how to stop it. */
export function RunFooter({ state, live }: { state: ViewState; live: boolean }) {
  const { finished } = state;
  if (finished?.ok) {
    return <Text color="green">run finished ok in {formatDuration(finished.durationMs)}</Text>;
  }
  if (finished) {
    const reason = finished.error ? `: ${finished.error.message}` : '';
    return (
      <Text color="red">run failed after {formatDuration(finished.durationMs)}{reason}</Text>
    );
  }

  if (state.cancelling) return <Text color="yellow">cancelling...</Text>;
  if (!live) return <Text color="yellow">the run did not finish</Text>;
  return <Text color="gray">Ctrl-C to stop; finished stages stay cached</Text>;
}
