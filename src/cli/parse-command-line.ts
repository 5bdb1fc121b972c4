import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(ambiguousValue(message, argv) ?? message.split('\n')[0]);
  }
}

/**
 * parseArgs refuses `--seed -1` as "argument is ambiguous" and gives the way out on a later
 * line; this says it on one line, with the user's own value in it.
 */
function ambiguousValue(message: string, argv: string[]): string | undefined {
  const option = /^Option '(-{1,2}[\w-]+)' argument is ambiguous/.exec(message)?.[1];
  const value = option === undefined ? undefined : argv[argv.indexOf(option) + 1];
  const form = /use '(--[\w-]+=)-XYZ'/.exec(message)?.[1];
  if (option === undefined || value === undefined || form === undefined) return undefined;

  return `${option}: expected a value, got "${value}", which reads as an option ` +
    `(to pass it, write ${form}${value})`;
}
