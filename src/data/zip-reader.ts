import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../core/input-error.ts';
import { crc32 } from './crc32.ts';

/** One file in a zip, from its central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods MovieLens zips use. */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Lists a zip's entries from its central directory (no zip64, no encryption). */
export async function readZipEntries(path: string): Promise<ZipEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);

    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || tail.readUInt32LE(end) !== END_OF_DIRECTORY) notZip(path, 'no end record');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === 0xffffffff) notZip(path, 'a zip64 archive');

    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    return parseDirectory(path, directory, count);
  } finally {
    await file.close();
  }
}

function parseDirectory(path: string, directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) notZip(path, 'a broken directory');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks a zip into a folder, streaming each entry through inflateRaw and checking its
 * CRC-32. Entry names that would land outside the folder are refused.
 */
export async function extractZip(path: string, into: string, signal?: AbortSignal) {
  const entries = await readZipEntries(path);
  // Every name is checked before anything is written, so a hostile archive writes nothing.
  const targets = entries.map((entry) => safeTarget(path, into, entry.name));

  for (const [index, entry] of entries.entries()) {
    signal?.throwIfAborted();
    const target = targets[index];
    if (entry.name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await extractEntry(path, entry, target, signal);
  }
  return entries;
}

async function extractEntry(path: string, entry: ZipEntry, target: string, signal?: AbortSignal) {
  if (entry.method !== 0 && entry.method !== 8) notZip(path, `compression method ${entry.method}`);
  const start = await dataOffset(path, entry);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const stages = entry.method === 8 ? [raw, createInflateRaw()] : [raw];

  let crc = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  if (entry.compressedSize === 0) await writeFile(target, '');
  else await pipeline([...stages, check, createWriteStream(target)], { signal });
  if (crc !== entry.crc) notZip(path, `a corrupt entry ${entry.name} (CRC mismatch)`);
}

async function dataOffset(path: string, entry: ZipEntry): Promise<number> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) notZip(path, `a broken entry ${entry.name}`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
}

function safeTarget(path: string, into: string, name: string): string {
  const target = normalize(join(into, name));
  if (target === normalize(into) || target.startsWith(normalize(into) + sep)) return target;
  return notZip(path, `an entry name inside the archive, not "${name}"`);
}

function notZip(path: string, problem: string): never {
  throw new InputError({ file: path, expected: 'a readable zip archive', received: problem });
}
