import type { ParseArgsConfig } from 'node:util';
import { defaultEnvironment, type CliEnvironment } from './cli-environment.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { reportFailure } from './report-failure.ts';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** The parsed command line: option values and positionals. */
export type ParsedCommandLine<O extends OptionSpecs> = ReturnType<typeof parseCommandLine<O>>;

export interface CommandFrame<O extends OptionSpecs> {
  options: O;
  usage: string;
  /** The environment when the caller gives none (default: the real registries). */
  environment?: () => CliEnvironment | Promise<CliEnvironment>;
}

/**
 * The frame every command shares: parse the arguments, answer --help with the usage, run the
 * body, and turn any error into one line on stderr and an exit code (reportFailure). A
 * command taking --json also gets its `{ ok: false, error }` document on stdout.
 */
export async function runCommand<O extends OptionSpecs>(
  argv: string[],
  given: CliEnvironment | undefined,
  frame: CommandFrame<O>,
  body: (parsed: ParsedCommandLine<O>, environment: CliEnvironment) => Promise<number>,
): Promise<number> {
  const environment = given ?? (await (frame.environment ?? defaultEnvironment)());
  const json = 'json' in frame.options && argv.includes('--json');
  try {
    const parsed = parseCommandLine(argv, frame.options);
    if ((parsed.values as { help?: boolean }).help) {
      environment.stdout.write(`usage: ${frame.usage}\n`);
      return 0;
    }
    return await body(parsed, environment);
  } catch (error) {
    return reportFailure(error, frame.usage, environment, json);
  }
}

/** For commands that need no stage or pipeline registry, so they load neither (nor tfjs). */
export function environmentWithoutRegistries(): CliEnvironment {
  return {
    stages: {}, pipelines: {}, registryModule: '', stdout: process.stdout, stderr: process.stderr,
  };
}
