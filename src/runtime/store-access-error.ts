import { InputError } from '../core/input-error.ts';

/** What a file-system error code means for the store, in the user's words. */
const reasons: Record<string, string> = {
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOENT: 'a folder that cannot be created',
  ENOSPC: 'no space left on the device',
};

/**
 * Runs a task that reads or writes the artifact store and turns a file-system error into an
 * InputError naming the store and `--artifacts`, instead of a bare "ENOTDIR: ..." line.
 * Errors that are not about file access pass through unchanged.
 */
export async function withStoreAccess<T>(root: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    const reason = code === undefined ? undefined : reasons[code];
    if (reason === undefined) throw error;
    throw new InputError({
      file: root,
      field: '--artifacts',
      expected: 'a folder this user can create and write (the artifact store)',
      received: path ? `${reason}: ${path}` : reason,
    });
  }
}
