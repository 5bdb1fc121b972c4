import type { StageDefinition } from '../core/stage.ts';
import { describeZodIssue, objectKeys } from './describe-zod-issue.ts';
import type { PipelineNode, PipelinePlan } from './pipeline-plan.ts';
import { pipelineSpecSchema, type ForEachValue, type StageSpec } from './pipeline-spec.ts';
import { resolveInputs, type NodeDraft } from './resolve-inputs.ts';
import { specError, specErrors, type SpecLocation, type SpecProblem } from './spec-location.ts';
import { substituteVariables } from './substitute-variables.ts';
import { orderNodes } from './order-nodes.ts';

export type StageRegistry = Record<string, StageDefinition>;

/**
 * Validates a pipeline spec against the stage registry and expands it into concrete nodes.
 * Every problem is an InputError naming the spec's file, line and field.
 */
export function expandPipeline(
  raw: unknown,
  registry: StageRegistry,
  location: SpecLocation,
): PipelinePlan {
  const spec = parseSpec(raw, location);
  rejectDuplicateIds(spec.stages, location);

  rejectOversizedExpansion(spec.stages, location);

  const drafts = spec.stages.flatMap((stageSpec, index) =>
    expandStage(stageSpec, index, registry, location),
  );
  const parsed = drafts.map((draft) => ({
    draft,
    inputs: resolveInputs(draft, drafts, spec.stages, location),
    params: parseParams(draft),
  }));
  // Every bad parameter of every stage at once; a stage expanded by forEach repeats its own.
  const problems = parsed.flatMap(({ params }) => ('problems' in params ? params.problems : []));
  const unique = [...new Map(problems.map((p) => [JSON.stringify(p.path), p])).values()];
  if (unique.length > 0) throw specErrors(location, unique);

  const nodes = parsed.map(({ draft, inputs, params }) => {
    const dependsOn = [...new Set(Object.values(inputs).flat().map((ref) => ref.node))];
    const value = 'value' in params ? params.value : undefined;
    return { id: draft.id, stage: draft.stage, params: value, inputs, dependsOn,
      specIndex: draft.specIndex } satisfies PipelineNode;
  });

  const ordered = orderNodes(nodes, location);
  const read = new Set(ordered.flatMap((node) => node.dependsOn));
  const sinks = ordered.filter((node) => !read.has(node.id)).map((node) => node.id);
  return { name: spec.name, description: spec.description, nodes: ordered, sinks };
}

function parseSpec(raw: unknown, location: SpecLocation) {
  const parsed = pipelineSpecSchema.safeParse(raw);
  if (parsed.success) return parsed.data;

  const issue = describeZodIssue(parsed.error.issues[0], pipelineSpecSchema, raw);
  throw specError(location, issue.path as (string | number)[], issue.expected, issue.received);
}

function rejectDuplicateIds(stages: StageSpec[], location: SpecLocation): void {
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (seen.has(stage.id)) {
      throw specError(location, ['stages', index, 'id'], 'a unique id', stage.id);
    }
    seen.add(stage.id);
  });
}

/** More nodes than anyone runs; a forEach product past it would exhaust memory instead. */
export const maxPipelineNodes = 10_000;

function rejectOversizedExpansion(stages: StageSpec[], location: SpecLocation): void {
  let planned = 0;
  stages.forEach((stage, index) => {
    const lists = Object.values(stage.forEach ?? {});
    planned += lists.reduce((product, values) => product * values.length, 1);
    if (planned <= maxPipelineNodes) return;

    const expected = `at most ${maxPipelineNodes} nodes in the whole pipeline once expanded`;
    const received = `${planned} nodes up to this stage`;
    throw specError(location, ['stages', index, 'forEach'], expected, received);
  });
}

/** One draft per combination of the stage's forEach values, with `uses` and `with` resolved. */
function expandStage(
  spec: StageSpec,
  specIndex: number,
  registry: StageRegistry,
  location: SpecLocation,
): NodeDraft[] {
  const combinations = cartesian(spec.forEach ?? {});
  const ids = new Set<string>();

  return combinations.map((variables) => {
    const values = Object.values(variables);
    const id = values.length ? `${spec.id}[${values.join(',')}]` : spec.id;
    if (ids.has(id)) {
      throw specError(location, ['stages', specIndex, 'forEach'], 'distinct values', id);
    }
    ids.add(id);

    const base = ['stages', specIndex];
    const uses = String(substituteVariables(spec.uses, variables, location, [...base, 'uses']));
    const stage = registry[uses];
    if (!stage) {
      throw specError(location, [...base, 'uses'], 'a stage listed by `recommender list`', uses);
    }
    const params = substituteVariables(spec.with ?? {}, variables, location, [...base, 'with']);
    return { id, specId: spec.id, specIndex, stage, variables, params: params as object };
  });
}

function cartesian(forEach: Record<string, ForEachValue[]>): Record<string, ForEachValue>[] {
  let combinations: Record<string, ForEachValue>[] = [{}];
  for (const [name, values] of Object.entries(forEach)) {
    combinations = combinations.flatMap((partial) =>
      values.map((value) => ({ ...partial, [name]: value })),
    );
  }
  return combinations;
}

/** The node's parameters with defaults, or every problem with them. */
function parseParams(draft: NodeDraft): { value: unknown } | { problems: SpecProblem[] } {
  const base = ['stages', draft.specIndex, 'with'];
  const known = objectKeys(draft.stage.params);
  const unknown = known ? Object.keys(draft.params).filter((key) => !known.includes(key)) : [];
  const names = known?.length ? known.join(', ') : 'it takes none';
  const expected = `a parameter of ${draft.stage.name} (${names})`;
  const problems: SpecProblem[] =
    unknown.map((key) => ({ path: [...base, key], expected, received: key }));

  const parsed = draft.stage.params.safeParse(draft.params);
  if (parsed.success && problems.length === 0) return { value: parsed.data };
  for (const zodIssue of parsed.success ? [] : parsed.error.issues) {
    const issue = describeZodIssue(zodIssue, draft.stage.params, draft.params);
    problems.push({ path: [...base, ...(issue.path as (string | number)[])],
      expected: issue.expected, received: issue.received });
  }
  return { problems };
}
