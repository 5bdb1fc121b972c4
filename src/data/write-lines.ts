import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a file from lines produced on demand, in batches, waiting whenever the stream is
 * full: a file of millions of rows never exists as one string.
 */
export async function writeLines(
  path: string,
  header: string,
  count: number,
  lineAt: (index: number) => string,
): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const finished = once(stream, 'finish');
  const batch = 4096;

  try {
    stream.write(`${header}\n`);
    for (let start = 0; start < count; start += batch) {
      const end = Math.min(start + batch, count);
      const lines: string[] = [];
      for (let i = start; i < end; i++) lines.push(lineAt(i));
      if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
    }
  } finally {
    stream.end();
  }
  await finished;
}
