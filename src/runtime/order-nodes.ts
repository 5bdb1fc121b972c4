import type { PipelineNode } from './pipeline-plan.ts';
import { specError, type SpecLocation } from './spec-location.ts';

/**
 * Orders nodes so that each comes after the nodes it reads (depth-first, keeping the
 * spec's order where it is free), and rejects a cycle by naming it.
 */
export function orderNodes(nodes: PipelineNode[], location: SpecLocation): PipelineNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: PipelineNode[] = [];

  const visit = (node: PipelineNode, trail: string[]): void => {
    if (state.get(node.id) === 'done') return;
    if (state.get(node.id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(node.id)), node.id].join(' -> ');
      throw specError(location, ['stages', node.specIndex, 'inputs'], 'inputs without a cycle',
        cycle);
    }

    state.set(node.id, 'visiting');
    for (const dependency of node.dependsOn) visit(byId.get(dependency)!, [...trail, node.id]);
    state.set(node.id, 'done');
    ordered.push(node);
  };

  for (const node of nodes) visit(node, []);
  return ordered;
}
