import type { ErrorInfo } from './events.ts';

/**
 * Bad input found while reading a file: it always names the file and what was expected,
 * and the line and field where it has them. The message is built from those fields, so the
 * CLI can print it as one line and tests can assert each field.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly expected: string;
  readonly received?: string;

  /**
   * `also`: further problems of the same input, each already one line (`line 7
   * stages[1].with.epochs: expected ...`); the message lists them after the first, so a user
   * mends a file in one pass instead of one run per mistake.
   */
  constructor(
    detail: Omit<ErrorInfo, 'message' | 'name'> & { file: string; expected: string },
    also: string[] = [],
  ) {
    super([formatInputError(detail), ...also.map((problem) => `also ${problem}`)].join('; '));
    this.name = 'InputError';
    this.file = detail.file;
    this.line = detail.line;
    this.field = detail.field;
    this.expected = detail.expected;
    this.received = detail.received;
  }

  toInfo(): ErrorInfo {
    const { message, name, file, line, field, expected, received } = this;
    return { message, name, file, line, field, expected, received };
  }
}

function formatInputError(detail: {
  file: string;
  line?: number;
  field?: string;
  expected: string;
  received?: string;
}): string {
  const where = detail.line === undefined ? detail.file : `${detail.file}:${detail.line}`;
  const field = detail.field ? ` ${detail.field}:` : '';
  const received = detail.received === undefined ? '' : `, got ${JSON.stringify(detail.received)}`;
  return `${where}:${field} expected ${detail.expected}${received}`;
}
