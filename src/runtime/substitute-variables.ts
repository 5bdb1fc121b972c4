import type { ForEachValue } from './pipeline-spec.ts';
import { specError, type PathSegment, type SpecLocation } from './spec-location.ts';

const variablePattern = /\$\{([^}]*)\}/g;
const wholeVariable = /^\$\{([^}]*)\}$/;

/**
 * Replaces `${var}` in every string of `value`. A string that is exactly one variable takes
 * the variable's raw value, so `epochs: "${n}"` stays a number when `n` is one.
 */
export function substituteVariables(
  value: unknown,
  variables: Record<string, ForEachValue>,
  location: SpecLocation,
  path: PathSegment[],
): unknown {
  if (typeof value === 'string') return substituteString(value, variables, location, path);
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      substituteVariables(item, variables, location, [...path, index]),
    );
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [
      key,
      substituteVariables(item, variables, location, [...path, key]),
    ]);
    return Object.fromEntries(entries);
  }
  return value;
}

function substituteString(
  text: string,
  variables: Record<string, ForEachValue>,
  location: SpecLocation,
  path: PathSegment[],
): ForEachValue {
  const lookup = (name: string): ForEachValue => {
    if (Object.hasOwn(variables, name)) return variables[name];
    const declared = Object.keys(variables);
    const expected = declared.length
      ? `a variable declared in forEach (${declared.join(', ')})`
      : 'no variable (this stage has no forEach)';
    throw specError(location, path, expected, `\${${name}}`);
  };

  const whole = wholeVariable.exec(text);
  if (whole) return lookup(whole[1]);
  return text.replace(variablePattern, (_, name: string) => String(lookup(name)));
}
