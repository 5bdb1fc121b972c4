import type { NodeStatus, NodeView, ViewState } from './view-state.ts';

/** The nodes one pipeline stage expanded into (`train-mf[u1]`...), or a single node. */
export interface NodeGroup {
  /** The stage id in the pipeline, e.g. `train-mf`. */
  id: string;
  /** True when the stage used `forEach`: its nodes are shown as cells of one row. */
  expanded: boolean;
  nodes: NodeView[];
}

const EXPANDED_ID = /^(.*)\[(.*)\]$/;

/** Splits `train-mf[u1,dnn]` into its stage id and the cell label `u1,dnn`. */
export function parseNodeId(id: string): { base: string; cell?: string } {
  const match = EXPANDED_ID.exec(id);
  return match ? { base: match[1], cell: match[2] } : { base: id };
}

/** Groups the nodes by stage id, in the order each stage first appears in the plan. */
export function groupNodes(state: ViewState): NodeGroup[] {
  const groups = new Map<string, NodeGroup>();
  for (const id of state.order) {
    const { base, cell } = parseNodeId(id);
    const key = cell === undefined ? `${id}\u0000single` : base;
    const group = groups.get(key) ?? { id: cell === undefined ? id : base, expanded: false,
      nodes: [] };
    group.expanded ||= cell !== undefined;
    group.nodes.push(state.nodes[id]);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** How many nodes of a group stand in each status. */
export function countStatuses(nodes: NodeView[]): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = {
    waiting: 0, running: 0, cached: 0, done: 0, failed: 0, cancelled: 0,
  };
  for (const node of nodes) counts[node.status] += 1;
  return counts;
}

/** The status a whole group shows: failures first, then work in progress, then the rest. */
export function groupStatus(nodes: NodeView[]): NodeStatus {
  const counts = countStatuses(nodes);
  const precedence: NodeStatus[] = ['failed', 'running', 'cancelled', 'waiting', 'done', 'cached'];
  return precedence.find((status) => counts[status] > 0) ?? 'waiting';
}
