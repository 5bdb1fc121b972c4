import { readFile } from 'node:fs/promises';
import type { RunEvent } from '../core/events.ts';
import { InputError } from '../core/input-error.ts';

const EVENT_TYPES = new Set([
  'run-started', 'run-finished', 'node-started', 'node-cached', 'node-finished', 'node-failed',
  'node-cancelled', 'progress', 'log', 'epoch', 'summary',
]);

/**
 * Reads a run's events.jsonl: one JSON event per line, blank lines ignored. A bad line is an
 * InputError naming the file and the line, since a replay should not silently show less.
 */
export async function readEventsFile(file: string): Promise<RunEvent[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new InputError({ file, expected: 'the events.jsonl a run writes' });
  });
  const events: RunEvent[] = [];

  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    events.push(parseEventLine(line, file, index + 1, index === lines.length - 1));
  }
  return events;
}

function parseEventLine(line: string, file: string, lineNumber: number, last: boolean): RunEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    const expected = last
      ? 'a JSON event (the last line is cut short: was the run killed while writing?)'
      : 'a JSON event';
    throw new InputError({ file, line: lineNumber, expected, received: line.slice(0, 60) });
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
