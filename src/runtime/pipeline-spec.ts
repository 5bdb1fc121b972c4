import { z } from 'zod';

/**
 * Ids and forEach values end up in node ids, run-folder names and messages, so they are
 * kept to a safe alphabet: no path separators, no dots at the start, nothing to escape.
 */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const valuePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const idSchema = z.string().regex(idPattern, {
  error: 'an id of letters, digits, "-" and "_" that starts with a letter',
});

const forEachValueSchema = z.union([
  z.string().regex(valuePattern, {
    error: 'a value of letters, digits, ".", "-" and "_" that starts with a letter or digit',
  }),
  z.number(),
]);

/** A reference `node.output`, `node[value].output` or `node[*].output`, or a list of them. */
const inputRefSchema = z.union([z.string(), z.array(z.string()).min(1)]);

export const stageSpecSchema = z.strictObject({
  /** Unique within the pipeline; expanded nodes are `id[value]` (`id[v1,v2]`). */
  id: idSchema,
  /** The registry name of the stage; may use `${var}`. */
  uses: z.string().min(1),
  /** Stage parameters, validated by the stage's own schema (defaults filled in). */
  with: z.record(z.string(), z.unknown()).optional(),
  /** Input name to reference(s); may use `${var}`. */
  inputs: z.record(z.string(), inputRefSchema).optional(),
  /** Expands the stage over the cartesian product of these variables' values. */
  forEach: z.record(idSchema, z.array(forEachValueSchema).min(1)).optional(),
});

export const pipelineSpecSchema = z.strictObject({
  name: z.string().regex(namePattern, {
    error: 'a name of letters, digits, ".", "-" and "_" that starts with a letter or digit',
  }),
  description: z.string().default(''),
  stages: z.array(stageSpecSchema).min(1),
});

/** A pipeline as written: built in (src/pipelines) or read from a YAML or JSON file. */
export type PipelineSpec = z.input<typeof pipelineSpecSchema>;
export type StageSpec = z.infer<typeof stageSpecSchema>;
export type ParsedPipelineSpec = z.infer<typeof pipelineSpecSchema>;
export type ForEachValue = z.infer<typeof forEachValueSchema>;
