import { detectLayout } from './detect-layout.ts';
import { readMovielens100k } from './read-movielens-100k.ts';
import { readMovielens1m } from './read-movielens-1m.ts';
import { readMovielensLatest } from './read-movielens-latest.ts';
import type { Layout, RawDataset, ReadContext } from './raw-dataset.ts';

const readers: Record<Layout, (context: ReadContext) => Promise<RawDataset>> = {
  'ml-100k': readMovielens100k,
  'ml-1m': readMovielens1m,
  latest: readMovielensLatest,
};

/** Reads a MovieLens folder in the given layout, or the one its files show. */
export async function readRawDataset(
  context: ReadContext,
  layout: Layout | 'auto' = 'auto',
): Promise<RawDataset> {
  const chosen = layout === 'auto' ? await detectLayout(context.dir) : layout;
  return readers[chosen](context);
}
