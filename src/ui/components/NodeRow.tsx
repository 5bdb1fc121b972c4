import { Box, Text } from 'ink';
import { formatDuration, formatSummary } from '../format.ts';
import type { NodeView } from '../view-state.ts';
import { StatusIcon } from './StatusIcon.tsx';

export interface NodeRowProps {
  node: NodeView;
  /** Width of the name column, so that rows line up. */
  nameWidth: number;
  /** Current time, for the elapsed time of a running node. */
  now: number;
}

/** One node that was not expanded: its status, stage, and how it went. */
export function NodeRow({ node, nameWidth, now }: NodeRowProps) {
  return (
    <Box>
      <StatusIcon status={node.status} />
      <Text> {node.id.padEnd(nameWidth)} </Text>
      <Text color="gray">{node.stage.padEnd(18)} </Text>
      <NodeDetail node={node} now={now} />
    </Box>
  );
}

function NodeDetail({ node, now }: { node: NodeView; now: number }) {
  const summary = formatSummary(node.summary);
  switch (node.status) {
    case 'waiting':
      return <Text color="gray">waiting</Text>;
    case 'running':
      return <Text>running {formatDuration(now - (node.startedAt ?? now))}</Text>;
    case 'cached':
      return <Text><Text color="blue">cached</Text> <Text color="gray">{summary}</Text></Text>;
    case 'done':
      return (
        <Text>
          {formatDuration(node.durationMs ?? 0)} <Text color="gray">{summary}</Text>
        </Text>
      );
    case 'failed':
      return <Text color="red">failed: {node.error?.message ?? 'unknown error'}</Text>;
    case 'cancelled':
      return <Text color="yellow">cancelled</Text>;
  }
}
