import type { ErrorInfo } from '../core/events.ts';

/** An error rebuilt from ErrorInfo, e.g. one a stage threw inside a worker thread. */
export class ReportedError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = info.name ?? 'Error';
    this.info = info;
  }

  toInfo(): ErrorInfo {
    return this.info;
  }
}

/** The run was stopped on request (Ctrl-C, a signal): not a failure of any stage. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Any thrown value as plain data; errors with `toInfo()` (InputError) keep their fields. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error && typeof error === 'object' && 'toInfo' in error) {
    const toInfo = (error as { toInfo: unknown }).toInfo;
    if (typeof toInfo === 'function') return toInfo.call(error) as ErrorInfo;
  }
  if (error instanceof Error) return { message: error.message, name: error.name };
  return { message: String(error) };
}
