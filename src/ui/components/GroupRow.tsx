import { Box, Text } from 'ink';
import { formatDuration } from '../format.ts';
import { countStatuses, groupStatus, parseNodeId, type NodeGroup } from '../node-groups.ts';
import { StatusIcon } from './StatusIcon.tsx';

export interface GroupRowProps {
  group: NodeGroup;
  nameWidth: number;
}

/**
 * A stage expanded over splits or models, on one row: a cell per node (`u1 ✔ u2 ⠋ u3 ·`),
 * then the count finished. Failures follow underneath, one line each with the reason, so
 * seven splits or thirty-five branches stay readable at a glance.
 */
export function GroupRow({ group, nameWidth }: GroupRowProps) {
  const counts = countStatuses(group.nodes);
  const finished = counts.done + counts.cached;
  const failed = group.nodes.filter((node) => node.status === 'failed');
  const stage = group.nodes[0]?.stage ?? '';
  const durations = group.nodes.flatMap((node) =>
    node.status === 'done' && node.durationMs !== undefined ? [node.durationMs] : []);
  const slowest = durations.length > 0
    ? ` · slowest ${formatDuration(Math.max(...durations))}`
    : '';

  return (
    <Box flexDirection="column">
      <Box>
        <StatusIcon status={groupStatus(group.nodes)} />
        <Text> {group.id.padEnd(nameWidth)} </Text>
        <Text color="gray">{stage.padEnd(18)} </Text>
        <Box flexWrap="wrap" flexShrink={1}>
          {group.nodes.map((node) => (
            <Box key={node.id} marginRight={1}>
              <Text>{parseNodeId(node.id).cell} </Text>
              <StatusIcon status={node.status} />
            </Box>
          ))}
          <Text color="gray">
            {finished}/{group.nodes.length}
            {counts.cached > 0 ? ` (${counts.cached} cached)` : ''}
            {slowest}
          </Text>
        </Box>
      </Box>
      {failed.map((node) => (
        <Text key={node.id} color="red">
          {'    '}✖ {node.id}: {node.error?.message ?? 'unknown error'}
        </Text>
      ))}
    </Box>
  );
}
