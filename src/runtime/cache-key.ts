import { createHash } from 'node:crypto';
import type { RunSettings } from '../core/stage.ts';
import { canonicalJson } from './canonical-json.ts';
import type { PipelineNode, PipelinePlan } from './pipeline-plan.ts';

/** Everything that decides a stage's outputs, hence its entry in the store. */
export interface CacheKeyParts {
  stage: string;
  version: number;
  params: unknown;
  /** `input=key/output` for each wired input, in the stage's declared order. */
  inputs: string[];
  fingerprint?: string;
  /** Stages derive their random seeds from the run's seed, so it decides outputs too. */
  seed: number;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** The key of every node of a plan, by node id. Calls each fingerprint once. */
export async function computeKeys(
  plan: PipelinePlan,
  settings: RunSettings,
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const node of plan.nodes) {
    const inputs = inputKeys(node, keys);
    const fingerprint = await node.stage.fingerprint?.(node.params, settings);
    const parts = { stage: node.stage.name, version: node.stage.version, params: node.params,
      inputs, fingerprint, seed: settings.seed };
    keys.set(node.id, cacheKey(parts));
  }
  return keys;
}

/** `input=key/output` for each wired input of a node, in the stage's declared order. */
export function inputKeys(node: PipelineNode, keys: Map<string, string>): string[] {
  return Object.entries(node.inputs).flatMap(([name, refs]) =>
    [refs].flat().map((ref) => `${name}=${keys.get(ref.node)}/${ref.output}`),
  );
}
