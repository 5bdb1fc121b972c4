import { Text } from 'ink';
import { formatDuration } from '../format.ts';
import type { ViewState } from '../view-state.ts';

/** Which run this is, the backend it trains on, and how far it has come. */
export function RunHeader({ state, now }: { state: ViewState; now: number }) {
  if (state.runId === undefined) return <Text color="gray">waiting for the run to start...</Text>;

  const nodes = state.order.map((id) => state.nodes[id]);
  const settled = nodes.filter((node) => node.status !== 'waiting' && node.status !== 'running');
  const elapsed = state.finished?.durationMs ?? now - (state.startedAt ?? now);

  return (
    <Text>
      <Text bold>{state.pipeline ?? 'pipeline'}</Text>
      <Text color="gray"> run {state.runId}</Text>
      {' · '}backend <Text color="cyan">{state.backend ?? 'not reported'}</Text>
      {` · ${settled.length}/${nodes.length} nodes · ${formatDuration(elapsed)}`}
    </Text>
  );
}
