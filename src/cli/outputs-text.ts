import type { ArtifactStore } from '../runtime/artifact-store.ts';
import type { PipelinePlan } from '../runtime/pipeline-plan.ts';
import type { RunResults } from '../runtime/run-pipeline.ts';

/**
 * Where the run's final outputs are, one line per output of each sink node that has one:
 * summaries name files such as report.html, and this says which folder holds them.
 */
export function outputsText(plan: PipelinePlan, store: ArtifactStore, results: RunResults) {
  const lines: string[] = [];
  for (const id of plan.sinks) {
    const node = plan.nodes.find((candidate) => candidate.id === id);
    const entry = results.nodes[id];
    if (!node || !entry || !['finished', 'cached'].includes(entry.status)) continue;

    for (const output of Object.keys(node.stage.outputs)) {
      lines.push(`  ${id} ${output}: ${store.outputDir(entry.key, output)}`);
    }
  }
  return lines.length ? `\noutputs:\n${lines.join('\n')}\n` : '';
}
