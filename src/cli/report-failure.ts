import { toErrorInfo } from '../runtime/error-info.ts';
import type { CliEnvironment } from './cli-environment.ts';
import { UsageError } from './usage-error.ts';

/**
 * The one place a command's error reaches the user: one line on stderr, and the exit code.
 * A usage error adds the command's usage; an unexpected error still prints a single line.
 * Under --json, stdout also gets its one document, `{ ok: false, error }`, so a script
 * reading it never parses an empty stream.
 */
export function reportFailure(
  error: unknown,
  usage: string,
  environment: CliEnvironment,
  json = false,
): number {
  if (json) {
    const document = { ok: false, error: toErrorInfo(error) };
    environment.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  if (error instanceof UsageError) {
    environment.stderr.write(`recommender: ${error.message}\n\nusage: ${usage}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  environment.stderr.write(`recommender: ${message.split('\n')[0]}\n`);
  return 1;
}
