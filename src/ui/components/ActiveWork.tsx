import { Box, Text } from 'ink';
import type { ViewState } from '../view-state.ts';
import { TrainingPanel } from './TrainingPanel.tsx';

/** At most this many panels, so thirty-five parallel trainers still fit a terminal. */
const SHOWN_PANELS = 6;

/** A panel for each running node that reports progress or epochs. */
export function ActiveWork({ state }: { state: ViewState }) {
  const active = state.order
    .map((id) => state.nodes[id])
    .filter((node) => node.status === 'running' && (node.progress || node.training));
  if (active.length === 0) return null;

  const hidden = active.length - SHOWN_PANELS;
  return (
    <Box flexDirection="column" marginTop={1}>
      {active.slice(0, SHOWN_PANELS).map((node) => <TrainingPanel key={node.id} node={node} />)}
      {hidden > 0 ? <Text color="gray">+{hidden} more running</Text> : null}
    </Box>
  );
}
