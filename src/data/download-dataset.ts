import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../core/input-error.ts';
import { completeMarker } from './locate-dataset.ts';
import { extractZip } from './zip-reader.ts';

export interface DownloadRequest {
  url: string;
  /** The MD5 the zip must have, hex. */
  md5: string;
  cacheDir: string;
  /** The data set's folder name in the cache, e.g. 'ml-100k'. */
  name: string;
  signal?: AbortSignal;
  onProgress?: (bytes: number, total: number) => void;
}

/**
 * Downloads a data set zip into the cache, checks its MD5, and unpacks it into
 * <cacheDir>/<name>. Every write goes to a temporary name first and is renamed into place
 * once complete, so an interrupted download leaves nothing that looks usable; a zip whose
 * digest differs is deleted and never unpacked. Returns the unpacked folder.
 */
export async function downloadDataset(request: DownloadRequest): Promise<string> {
  const { cacheDir, name } = request;
  await mkdir(cacheDir, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const partialZip = join(cacheDir, `.${name}.zip.${suffix}`);
  const partialDir = join(cacheDir, `.${name}.${suffix}`);

  try {
    const digest = await fetchToFile(request, partialZip);
    if (digest !== request.md5.toLowerCase()) checksumMismatch(request, digest);
    const zip = join(cacheDir, `${name}.zip`);
    await rename(partialZip, zip);

    await extractZip(zip, partialDir, request.signal);
    await writeFile(join(partialDir, completeMarker), `${name}:${request.md5}\n`);
    const finalDir = join(cacheDir, name);
    await rm(finalDir, { recursive: true, force: true });
    await rename(partialDir, finalDir);
    return finalDir;
  } finally {
    await rm(partialZip, { force: true });
    await rm(partialDir, { recursive: true, force: true });
  }
}

async function fetchToFile(request: DownloadRequest, path: string): Promise<string> {
  const response = await fetch(request.url, { signal: request.signal }).catch((error: Error) =>
    unreachable(request, error.cause instanceof Error ? error.cause.message : error.message));
  if (!response.ok || !response.body) unreachable(request, `HTTP ${response.status}`);

  const total = Number(response.headers.get('content-length') ?? 0);
  const hash = createHash('md5');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      request.onProgress?.(bytes, total);
      done(null, chunk);
    },
  });

  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  await pipeline(body, tap, createWriteStream(path), { signal: request.signal });
  return hash.digest('hex');
}

function unreachable(request: DownloadRequest, reason: string): never {
  throw new InputError({
    file: request.url,
    expected: 'a reachable download, since no data set was found locally; without network, ' +
      'pass --data <dir or zip> holding MovieLens files',
    received: reason,
  });
}

function checksumMismatch(request: DownloadRequest, digest: string): never {
  throw new InputError({
    file: request.url,
    field: 'md5',
    expected: `the published checksum ${request.md5} (the download was rejected and not ` +
      'cached; pass --data <dir or zip> with a good copy)',
    received: digest,
  });
}
