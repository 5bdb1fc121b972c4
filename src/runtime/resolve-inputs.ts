import type { StageDefinition } from '../core/stage.ts';
import type { InputRef } from './pipeline-plan.ts';
import type { ForEachValue, StageSpec } from './pipeline-spec.ts';
import { specError, type PathSegment, type SpecLocation } from './spec-location.ts';
import { substituteVariables } from './substitute-variables.ts';

/** A node before its inputs are wired: forEach expanded, `uses` and `with` substituted. */
export interface NodeDraft {
  id: string;
  specId: string;
  specIndex: number;
  stage: StageDefinition;
  variables: Record<string, ForEachValue>;
  params: object;
}

const refPattern = /^([A-Za-z][A-Za-z0-9_-]*)(?:\[([^\]]+)\])?\.([A-Za-z][A-Za-z0-9_-]*)$/;
const refForms = '"node.output", "node[value].output" or "node[*].output"';

/**
 * Wires a draft's inputs to the outputs they name, checking names, kinds, `many` inputs and
 * required inputs. Returns the inputs in the order the stage declares them.
 */
export function resolveInputs(
  draft: NodeDraft,
  drafts: NodeDraft[],
  specs: StageSpec[],
  location: SpecLocation,
): Record<string, InputRef | InputRef[]> {
  const base: PathSegment[] = ['stages', draft.specIndex, 'inputs'];
  const written = specs[draft.specIndex].inputs ?? {};
  const declared = draft.stage.inputs;

  for (const name of Object.keys(written)) {
    if (!Object.hasOwn(declared, name)) {
      const names = Object.keys(declared).join(', ') || 'it takes none';
      const expected = `an input of ${draft.stage.name} (${names})`;
      throw specError(location, [...base, name], expected, name);
    }
  }

  const inputs: Record<string, InputRef | InputRef[]> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const path = [...base, name];
    if (written[name] === undefined) {
      if (spec.optional) continue;
      throw specError(location, path, `a reference for the required input ${name} (${spec.kind})`);
    }

    const value = substituteVariables(written[name], draft.variables, location, path);
    const texts = Array.isArray(value) ? value.map(String) : [String(value)];
    const refs = texts.flatMap((text, index) => {
      const at = Array.isArray(value) ? [...path, index] : path;
      return parseRef(text, drafts, specs, location, at).map((ref) => ({ ref, text, at }));
    });

    const gathered = Array.isArray(value) || texts.some((text) => text.includes('[*]'));
    if (!spec.many && (gathered || refs.length > 1)) {
      throw specError(location, path, `a single reference (input ${name} takes one artifact)`,
        texts.join(', '));
    }
    for (const { ref, text, at } of refs) checkKind(ref, spec.kind, drafts, text, location, at);
    inputs[name] = spec.many ? refs.map(({ ref }) => ref) : refs[0].ref;
  }
  return inputs;
}

function parseRef(
  text: string,
  drafts: NodeDraft[],
  specs: StageSpec[],
  location: SpecLocation,
  path: PathSegment[],
): InputRef[] {
  const match = refPattern.exec(text);
  if (!match) throw specError(location, path, `a reference ${refForms}`, text);
  const [, specId, selector, output] = match;

  const expanded = drafts.filter((draft) => draft.specId === specId);
  if (expanded.length === 0) {
    const ids = specs.map((spec) => spec.id).join(', ');
    throw specError(location, path, `a reference to a stage id of this pipeline (${ids})`, text);
  }

  const hasForEach = specs.some((spec) => spec.id === specId && spec.forEach);
  if (selector === '*') return expanded.map((draft) => ({ node: draft.id, output }));
  if (selector === undefined && !hasForEach) return [{ node: specId, output }];

  const wanted = `${specId}[${selector}]`;
  const node = expanded.find((draft) => draft.id === wanted);
  if (!node) {
    const choices = expanded.map((draft) => draft.id).join(', ');
    throw specError(location, path, `one node of ${choices}, or ${specId}[*]`, text);
  }
  return [{ node: node.id, output }];
}

function checkKind(
  ref: InputRef,
  kind: string,
  drafts: NodeDraft[],
  text: string,
  location: SpecLocation,
  path: PathSegment[],
): void {
  const source = drafts.find((draft) => draft.id === ref.node)!;
  const outputs = source.stage.outputs;
  if (!Object.hasOwn(outputs, ref.output)) {
    const names = Object.keys(outputs).join(', ');
    throw specError(location, path, `an output of ${source.stage.name} (${names})`, text);
  }
  if (outputs[ref.output] !== kind) {
    const received = `${text} (kind ${outputs[ref.output]})`;
    throw specError(location, path, `an output of kind ${kind}`, received);
  }
}
