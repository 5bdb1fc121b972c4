import { readFile } from 'node:fs/promises';
import type { RunEvent } from '../core/events.ts';
import { InputError } from '../core/input-error.ts';

const EVENT_TYPES = new Set([
  'run-started', 'run-finished', 'node-started', 'node-cached', 'node-finished', 'node-failed',
  'node-cancelled', 'progress', 'log', 'epoch', 'summary',
]);

/**
 * Reads a run's events.jsonl: one JSON event per line, blank lines ignored. A bad line is an
 * InputError naming the file and the line, since a replay should not silently show less. The
 * one exception is a last line with no newline that does not parse: the run was killed while
 * writing it, and everything before it is still worth showing.
 */
export async function readEventsFile(file: string): Promise<RunEvent[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new InputError({ file, expected: 'the events.jsonl a run writes' });
  });
  const events: RunEvent[] = [];

  const lines = text.split('\n');
  const cutShort = !text.endsWith('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const value = parseJson(line);
    if (value === undefined && cutShort && index === lines.length - 1) break;
    events.push(asEvent(value, line, file, index + 1));
  }

  // An empty replay would print nothing and exit 0, which looks like success.
  if (events.length === 0) {
    throw new InputError({ file, line: 1, expected: 'at least the run-started event',
      received: 'no events (the run stopped before writing any)' });
  }
  return events;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function asEvent(value: unknown, line: string, file: string, lineNumber: number): RunEvent {
  if (value === undefined) {
    throw new InputError({
      file, line: lineNumber, expected: 'a JSON event', received: line.slice(0, 60),
    });
  }

  const event = value as { type?: unknown; at?: unknown };
  if (typeof event !== 'object' || event === null || !EVENT_TYPES.has(String(event.type))) {
    throw new InputError({
      file, line: lineNumber, field: 'type', expected: 'a run or node event type',
      received: String(event?.type),
    });
  }
  if (typeof event.at !== 'number') {
    throw new InputError({
      file, line: lineNumber, field: 'at', expected: 'a time in ms', received: String(event.at),
    });
  }
  return value as RunEvent;
}
