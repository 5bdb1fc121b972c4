import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createStream } from 'csv-stream';
import { InputError } from '../core/input-error.ts';
import { guessSeparator, separatorNames } from './separators.ts';

export interface DelimitedFileOptions {
  /** Path reported in errors (the file name inside the data set, usually). */
  label: string;
  /** One character, or '::' (MovieLens 1M), which is rewritten before csv-stream sees it. */
  separator: string;
  encoding: 'utf8' | 'latin1';
  /** Field names, in order: their count is the number of fields every line must have. */
  fields: string[];
  /**
   * The index of a free-text field (a title) that may itself hold the separator: a line with
   * too many fields has the extra ones joined back into it.
   */
  freeTextField?: number;
  /** RFC 4180 quoting (the "latest" CSV layout). */
  quoted?: boolean;
  /** A header line to check and skip, e.g. 'userId,movieId,rating,timestamp'. */
  header?: string;
  signal?: AbortSignal;
  /** Called every so many rows with the rows read and an estimate of the total. */
  onProgress?: (rows: number, estimatedTotal: number) => void;
}

/** Stands in for '::' inside csv-stream, which only splits on one character. */
const UNIT_SEPARATOR = '\u001f';
/** Field slots handed to csv-stream: more than any layout has, so extra fields are counted. */
const SLOTS = Array.from({ length: 64 }, (_, i) => String(i));
const PROGRESS_EVERY = 20_000;

/**
 * Streams a delimited file through csv-stream and calls `onRow` with the fields of each
 * non-blank line and its 1-based line number. A line with the wrong number of fields is an
 * InputError naming the file, the line and the separator expected. Returns the rows read.
 */
export async function readDelimitedFile(
  path: string,
  options: DelimitedFileOptions,
  onRow: (fields: string[], line: number) => void,
): Promise<number> {
  const { size } = await statOrFail(path, options.label);
  if (size === 0) {
    throw new InputError({ file: options.label, expected: 'a non-empty file', received: '' });
  }

  const csv = createStream({
    delimiter: options.separator === '::' ? UNIT_SEPARATOR : options.separator,
    columns: SLOTS,
    ...(options.quoted ? { enclosedChar: '"', escapeChar: '"' } : {}),
  });

  let nextLine = 1;
  let headerSeen = options.header === undefined;
  let rows = 0;
  let bytesRead = 0;
  csv.on('data', (record: Record<string, string>) => {
    const fields = rejoinFreeText(Object.values(record), options);
    const line = nextLine;
    // A quoted field may hold line breaks: errors name the physical line a record starts on.
    nextLine += options.quoted ? 1 + countLineBreaks(fields) : 1;
    if (fields.length === 1 && fields[0].trim() === '') return;
    if (!headerSeen) {
      headerSeen = true;
      return checkHeader(fields, line, options);
    }

    checkFieldCount(fields, line, options);
    onRow(fields, line);
    rows++;
    if (rows % PROGRESS_EVERY === 0) {
      options.onProgress?.(rows, Math.round((rows * size) / Math.max(bytesRead, 1)));
    }
  });

  await feed(path, options, csv, (bytes) => (bytesRead += bytes));
  options.onProgress?.(rows, rows);
  return rows;
}

async function feed(
  path: string,
  options: DelimitedFileOptions,
  csv: ReturnType<typeof createStream>,
  onBytes: (bytes: number) => void,
): Promise<void> {
  let decoder: StringDecoder | undefined;
  let pendingColons = '';

  // Decoding here, not in csv-stream, keeps multi-byte characters whole across chunks.
  for await (const chunk of createReadStream(path)) {
    options.signal?.throwIfAborted();
    onBytes(chunk.length);
    const first = decoder === undefined;
    decoder ??= new StringDecoder(encodingOf(chunk as Buffer, options.encoding));
    let text = decoder.write(chunk as Buffer);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);

    if (options.separator === '::') {
      // A run of colons at the end of a chunk waits for the next one: '::' is then seen whole.
      text = pendingColons + text;
      pendingColons = /:*$/.exec(text)![0];
      text = text.slice(0, text.length - pendingColons.length).replaceAll('::', UNIT_SEPARATOR);
    }
    csv.write(Buffer.from(text, 'utf8'), 'utf8');
  }

  const rest = pendingColons + (decoder?.end() ?? '');
  const restText = options.separator === '::' ? rest.replaceAll('::', UNIT_SEPARATOR) : rest;
  csv.write(Buffer.from(restText, 'utf8'), 'utf8');
  csv.end();
}

async function statOrFail(path: string, label: string) {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new InputError({ file: label, expected: 'the file to exist', received: 'missing' });
  }
  if (!info.isFile()) {
    const received = info.isDirectory() ? 'a folder' : 'something other than a file';
    throw new InputError({ file: label, expected: 'a file', received });
  }
  return info;
}

/**
 * A UTF-8 byte-order mark means the file is UTF-8 whatever the layout's usual encoding: an
 * editor that re-saved a Latin-1 u.item wrote it that way, accents included.
 */
function encodingOf(firstChunk: Buffer, usual: 'utf8' | 'latin1'): 'utf8' | 'latin1' {
  const bom = firstChunk[0] === 0xef && firstChunk[1] === 0xbb && firstChunk[2] === 0xbf;
  return bom ? 'utf8' : usual;
}

function rejoinFreeText(fields: string[], options: DelimitedFileOptions): string[] {
  const at = options.freeTextField;
  const extra = fields.length - options.fields.length;
  if (at === undefined || extra <= 0) return fields;

  const text = fields.slice(at, at + extra + 1).join(options.separator);
  return [...fields.slice(0, at), text, ...fields.slice(at + extra + 1)];
}

function countLineBreaks(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) breaks++;
  }
  return breaks;
}

function checkHeader(fields: string[], line: number, options: DelimitedFileOptions): void {
  const received = fields.join(',');
  if (received.trim() === options.header) return;
  throw new InputError({
    file: options.label,
    line,
    expected: `the header row "${options.header}"`,
    received,
  });
}

function checkFieldCount(fields: string[], line: number, options: DelimitedFileOptions): void {
  const expectedCount = options.fields.length;
  if (fields.length === expectedCount) return;

  const separator = separatorNames[options.separator] ?? JSON.stringify(options.separator);
  const raw = fields.join(options.separator);
  const other = fields.length === 1 ? guessSeparator(fields[0], options.separator) : undefined;
  const found = other
    ? `the line has 1 field and seems ${other}-separated`
    : `the line has ${fields.length}`;
  throw new InputError({
    file: options.label,
    line,
    expected: `${expectedCount} ${separator}-separated fields ` +
      `(${options.fields.join(', ')}); ${found}`,
    received: raw.length > 120 ? `${raw.slice(0, 120)}...` : raw,
  });
}
