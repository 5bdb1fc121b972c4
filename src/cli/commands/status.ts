import { ArtifactStore } from '../../runtime/artifact-store.ts';
import { withStoreAccess } from '../../runtime/store-access-error.ts';
import { computeKeys } from '../../runtime/cache-key.ts';
import type { CliEnvironment } from '../cli-environment.ts';
import { runCommand } from '../run-command.ts';
import { readPipelineRun, runOptionSpecs, runOptionsUsage } from '../run-options.ts';

export const name = 'status';

export const summary = 'Show which nodes of a pipeline are already in the store';

export const usage = `recommender status <pipeline | file.yaml | file.json> [options]

  Keys depend on --data, --seed and the parameters: pass the ones the run would get.

${runOptionsUsage}`;

export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  const frame = { options: runOptionSpecs, usage };
  return runCommand(argv, given, frame, async ({ values, positionals }, environment) => {
    const { settings, artifacts, plan } = await readPipelineRun(values, positionals, environment);
    const store = new ArtifactStore(artifacts);
    const keys = await computeKeys(plan, settings);

    const nodes = await withStoreAccess(store.root, () => Promise.all(plan.nodes.map(
      async (node) => {
        const key = keys.get(node.id)!;
        const manifest = await store.readManifest(key);
        return { id: node.id, stage: node.stage.name, key, cached: manifest !== undefined,
          created: manifest?.created };
      })));
    const cached = nodes.filter((node) => node.cached).length;

    if (values.json) {
      const total = nodes.length;
      const document = { pipeline: plan.name, store: store.root, cached, total, nodes };
      environment.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...nodes.map((node) => node.id.length));
    const lines = nodes.map((node) => `  ${node.cached ? 'cached ' : 'missing'}  ` +
      `${node.id.padEnd(width)}  ${node.stage.padEnd(20)} ${node.key.slice(0, 12)}`);
    const head = `${plan.name}: ${cached} of ${nodes.length} nodes cached in ${store.root}`;
    environment.stdout.write(`${head}\n${lines.join('\n')}\n`);
    return 0;
  });
}
