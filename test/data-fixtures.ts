import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { lastValueFrom, toArray } from 'rxjs';
import type { StageEmission } from '../src/core/events.ts';
import type { RunSettings, StageDefinition } from '../src/core/stage.ts';
import { InputError } from '../src/core/input-error.ts';
import { crc32 } from '../src/data/crc32.ts';
import { ingestMovielens } from '../src/stages/ingest-movielens.ts';

export async function tempDir(prefix = 'data-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes files (text as UTF-8 unless given as bytes) under a new temporary folder. */
export async function writeFixture(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** A zip of the given files, deflated, built the way zip tools lay it out. */
export function buildZip(files: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;

  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }

  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export function runSettings(overrides: Partial<RunSettings> = {}): RunSettings {
  return { dataCacheDir: join(tmpdir(), 'data-test-no-cache'), seed: 7, concurrency: 1,
    backend: 'cpu', ...overrides };
}

/** Runs a stage to completion in fresh output folders; returns its emissions and outputs. */
export async function runStage(
  stage: StageDefinition,
  options: { params?: unknown; inputs?: Record<string, string>; run?: Partial<RunSettings> },
): Promise<{ events: StageEmission[]; outputs: Record<string, string> }> {
  const outputs: Record<string, string> = {};
  for (const name of Object.keys(stage.outputs)) outputs[name] = await tempDir('stage-out-');

  const events = await lastValueFrom(stage.run({
    params: stage.params.parse(options.params ?? {}),
    inputs: options.inputs ?? {},
    outputs,
    run: runSettings(options.run),
    signal: new AbortController().signal,
  }).pipe(toArray()));
  return { events, outputs };
}

/** Ingests the files and returns the InputError it must fail with. */
export async function ingestFailure(files: Record<string, string | Buffer>): Promise<InputError> {
  const data = await writeFixture(files);
  try {
    await runStage(ingestMovielens, { run: { dataPath: data } });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('ingest should have failed');
}

/** A tiny MovieLens 100K folder: 3 users, 4 items, a Latin-1 title, one official split. */
export function small100k(overrides: Record<string, string | Buffer> = {}) {
  const genres = 'unknown|0\nAction|1\nComedy|2\n\n';
  const flags = (a: number, c: number) => `0|${a}|${c}`;
  const item = (id: number, title: string, date: string, f: string) =>
    Buffer.concat([Buffer.from(`${id}|`), Buffer.from(title, 'latin1'),
      Buffer.from(`|${date}||http://x|${f}\n`)]);
  return {
    'u.genre': genres,
    'u.occupation': 'student\nwriter\n',
    'u.user': '1|24|M|student|85711\n2|53|F|writer|94043\n5|33|F|student|T8H1N\n',
    'u.item': Buffer.concat([
      item(1, 'Toy Story (1995)', '01-Jan-1995', flags(0, 1)),
      item(2, 'GoldenEye (1995)', '01-Jan-1995', flags(1, 0)),
      item(7, 'Misérables, Les (1995)', '01-Jan-1995', flags(0, 0)),
      item(9, 'unknown', '', '1|0|0'),
    ]),
    'u.data': '1\t1\t5\t100\n1\t2\t3\t101\n2\t7\t4\t102\n5\t1\t1\t103\n5\t9\t2\t104\n',
    'u1.base': '1\t1\t5\t100\n2\t7\t4\t102\n5\t1\t1\t103\n',
    'u1.test': '1\t2\t3\t101\n5\t9\t2\t104\n',
    ...overrides,
  };
}
