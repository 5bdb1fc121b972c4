import type { CliEnvironment } from './cli-environment.ts';

/** One command: src/cli/commands/<name>.ts exports these four and is listed in index.ts. */
export interface CliCommand {
  name: string;
  /** One line for `recommender --help`. */
  summary: string;
  /** The full usage text for `recommender <name> --help`. */
  usage: string;
  /** Returns the exit code: 0 on success, 1 on failure, 2 on a usage error. */
  run(argv: string[], environment?: CliEnvironment): Promise<number>;
}
