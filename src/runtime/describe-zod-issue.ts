import type { z } from 'zod';

/** What a zod issue reduces to in our messages: the field, what was expected, what came. */
export interface IssueDescription {
  path: PropertyKey[];
  expected: string;
  received?: string;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;
type Def = Record<string, any>;

/**
 * Turns a zod issue into "expected a positive integer, got "ten"": the expectation is read
 * from the schema at the issue's path, which says more than zod's generic type names.
 */
export function describeZodIssue(
  issue: Issue,
  schema: AnySchema,
  value: unknown,
): IssueDescription {
  const path = [...issue.path];
  const received = receivedText(valueAt(value, path));

  if (issue.code === 'unrecognized_keys') {
    const parent = schemaAt(schema, path);
    const known = (parent && objectKeys(parent)) ?? [];
    return {
      path: [...path, issue.keys[0]],
      expected: `one of the fields ${known.join(', ')}`,
      received: issue.keys[0],
    };
  }
  if (issue.code === 'invalid_format' || issue.code === 'custom') {
    return { path, expected: lowerFirst(issue.message), received };
  }

  const target = schemaAt(schema, path);
  const expected = (target && describeSchema(target)) ?? lowerFirst(issue.message);
  return { path, expected, received };
}

/** A short English phrase for what a schema accepts, or undefined when it has no simple one. */
export function describeSchema(schema: AnySchema): string | undefined {
  const def = unwrap(schema)._zod.def as Def;
  switch (def.type) {
    case 'number':
      return describeNumber(def);
    case 'string':
      return patternMessage(def) ?? 'a string';
    case 'union': {
      const parts = (def.options as AnySchema[]).map(describeSchema);
      return parts.every(Boolean) ? parts.join(' or ') : undefined;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(def.entries as object).map(quote).join(', ')}`;
    case 'literal':
      return (def.values as unknown[]).map(quote).join(' or ');
    case 'array': {
      const element = describeSchema(def.element as AnySchema);
      return element ? `a list of ${element.replace(/^an? /, '')}s` : 'a list';
    }
    case 'object':
    case 'record':
      return 'a mapping';
    default:
      return undefined;
  }
}

/** A string schema's own wording for its pattern, e.g. "an id of letters, digits ...". */
function patternMessage(def: Def): string | undefined {
  const checks = ((def.checks ?? []) as AnySchema[]).map((check) => check._zod.def as Def);
  const pattern = checks.find((check) => check.check === 'string_format' && check.pattern);
  const message: unknown = typeof pattern?.error === 'function' ? pattern.error() : undefined;
  return typeof message === 'string' ? message : undefined;
}

function describeNumber(def: Def): string {
  const checks = ((def.checks ?? []) as AnySchema[]).map((check) => check._zod.def as Def);
  const integer = checks.some((check) => check.check === 'number_format');
  const noun = integer ? 'integer' : 'number';
  const lower = checks.find((check) => check.check === 'greater_than');
  const upper = checks.find((check) => check.check === 'less_than');

  if (lower && !upper && lower.value === 0) {
    return lower.inclusive ? `a non-negative ${noun}` : `a positive ${noun}`;
  }
  const bounds: string[] = [];
  if (lower) bounds.push(`${lower.inclusive ? '>=' : '>'} ${lower.value}`);
  if (upper) bounds.push(`${upper.inclusive ? '<=' : '<'} ${upper.value}`);
  const article = integer ? 'an' : 'a';
  return bounds.length ? `${article} ${noun} ${bounds.join(' and ')}` : `${article} ${noun}`;
}

/** The schema that validates the value at `path`, through defaults, optionals and pipes. */
export function schemaAt(schema: AnySchema, path: PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const def = unwrap(current)._zod.def as Def;
    if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[String(segment)];
    else if (def.type === 'array') current = def.element as AnySchema;
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else return undefined;
  }
  return current;
}

/** The field names of an object schema (through wrappers); undefined for anything else. */
export function objectKeys(schema: AnySchema): string[] | undefined {
  const def = unwrap(schema)._zod.def as Def;
  return def.type === 'object' ? Object.keys(def.shape as object) : undefined;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as Def;
    if (def.innerType) current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else return current;
  }
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function receivedText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
