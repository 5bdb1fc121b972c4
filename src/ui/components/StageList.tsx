import { Box } from 'ink';
import { groupNodes } from '../node-groups.ts';
import type { ViewState } from '../view-state.ts';
import { GroupRow } from './GroupRow.tsx';
import { NodeRow } from './NodeRow.tsx';

/** The stage graph as a list, one row per pipeline stage, in plan order. */
export function StageList({ state, now }: { state: ViewState; now: number }) {
  const groups = groupNodes(state);
  const nameWidth = Math.max(8, ...groups.map((group) => group.id.length));

  return (
    <Box flexDirection="column">
      {groups.map((group) =>
        group.expanded
          ? <GroupRow key={group.id} group={group} nameWidth={nameWidth} />
          : <NodeRow key={group.id} node={group.nodes[0]} nameWidth={nameWidth} now={now} />)}
    </Box>
  );
}
