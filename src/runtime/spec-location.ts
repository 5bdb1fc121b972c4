import { InputError } from '../core/input-error.ts';

/** A step into a parsed pipeline document: an object key or a list index. */
export type PathSegment = string | number;

/**
 * Where a pipeline spec came from, so that errors found anywhere (schema, expansion, stage
 * parameters) name the file and, for files, the line of the offending field.
 */
export interface SpecLocation {
  /** A file name, or e.g. `pipeline movielens` for a built-in pipeline. */
  file: string;
  /** The 1-based line of the value at `path`, or of its nearest enclosing value. */
  lineOf?: (path: PathSegment[]) => number | undefined;
}

/** `stages[2].with.epochs`: the field notation of every pipeline error message. */
export function formatPath(path: PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** One problem at one field of a pipeline spec. */
export interface SpecProblem {
  path: PathSegment[];
  expected: string;
  received?: string;
}

/** An InputError pointing at one field of a pipeline spec. */
export function specError(
  location: SpecLocation,
  path: PathSegment[],
  expected: string,
  received?: string,
): InputError {
  return specErrors(location, [{ path, expected, received }]);
}

/** The first problem as the error's fields, every other one listed in its message. */
export function specErrors(location: SpecLocation, problems: SpecProblem[]): InputError {
  const [first, ...others] = problems;
  const also = others.map(({ path, expected, received }) => {
    const line = location.lineOf?.(path);
    const where = line === undefined ? formatPath(path) : `line ${line} ${formatPath(path)}`;
    const got = received === undefined ? '' : `, got ${JSON.stringify(received)}`;
    return `${where}: expected ${expected}${got}`;
  });
  return new InputError({
    file: location.file,
    line: location.lineOf?.(first.path),
    field: formatPath(first.path),
    expected: first.expected,
    received: first.received,
  }, also);
}
