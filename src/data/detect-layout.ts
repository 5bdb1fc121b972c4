import { readdir } from 'node:fs/promises';
import { InputError } from '../core/input-error.ts';
import type { Layout } from './raw-dataset.ts';

/** The file that tells each layout apart. */
export const layoutMarkers: Record<Layout, string> = {
  'ml-100k': 'u.data',
  'ml-1m': 'ratings.dat',
  latest: 'ratings.csv',
};

/** Recognises the layout of a data set folder from the files present. */
export async function detectLayout(dir: string): Promise<Layout> {
  const files = new Set(await readdir(dir).catch(() => [] as string[]));
  for (const [layout, marker] of Object.entries(layoutMarkers)) {
    if (files.has(marker)) return layout as Layout;
  }

  throw new InputError({
    file: dir,
    expected: 'a MovieLens folder holding u.data (100K), ratings.dat (1M) or ratings.csv ' +
      '(latest); pass --data <dir or zip>',
    received: [...files].slice(0, 8).join(' ') || 'no files',
  });
}
