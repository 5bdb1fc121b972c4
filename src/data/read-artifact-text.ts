import { readFile } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';

/**
 * A file's text as UTF-8 without a leading byte-order mark, or an InputError naming the file,
 * what it should have been and why it could not be read (ENOENT, EISDIR, ...).
 */
export async function readArtifactText(file: string, expected: string): Promise<string> {
  try {
    return withoutBom(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError({ file, expected, received: code });
  }
}

/** Text read as UTF-8 keeps a leading byte-order mark, which would stick to the first name. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
