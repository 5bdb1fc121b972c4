import { join } from 'node:path';
import { readDelimitedFile } from './delimited-rows.ts';
import { parseId, parseRating, parseTimestamp } from './field-parsers.ts';
import { RatingsBuilder } from './ratings-builder.ts';
import { ListedIds } from './listed-ids.ts';
import { halfStarScale } from './rating-scale.ts';
import { yearOfTitle, type ItemRecord, type RawDataset, type ReadContext } from './raw-dataset.ts';
import { sortedGenres } from './sorted-genres.ts';

/**
 * Reads the "latest" CSV layout (ml-latest, ml-latest-small, ml-20m, ml-25m): UTF-8 files
 * with a header row, quoted titles, half-star ratings. links.csv and tags.csv are not needed.
 */
export async function readMovielensLatest(context: ReadContext): Promise<RawDataset> {
  const items = await readMovies(context);

  return {
    layout: 'latest',
    ratingScale: halfStarScale,
    ratings: await readRatings(context),
    users: [],
    items,
    genres: sortedGenres(items),
    occupations: [],
    officialSplits: [],
  };
}

async function readRatings(context: ReadContext) {
  const file = 'ratings.csv';
  const builder = new RatingsBuilder();
  const fields = ['userId', 'movieId', 'rating', 'timestamp'];
  const options = {
    label: file,
    separator: ',',
    encoding: 'utf8' as const,
    fields,
    header: fields.join(','),
    signal: context.signal,
    onProgress: (rows: number, total: number) => context.onProgress?.(file, rows, total),
  };

  await readDelimitedFile(join(context.dir, file), options, (v, line) => {
    builder.push(
      parseId(v[0], { file, line, field: 'userId' }),
      parseId(v[1], { file, line, field: 'movieId' }),
      parseRating(v[2], halfStarScale, { file, line, field: 'rating' }),
      parseTimestamp(v[3], { file, line, field: 'timestamp' }),
    );
  });
  return builder.build();
}

async function readMovies(context: ReadContext): Promise<ItemRecord[]> {
  const file = 'movies.csv';
  const items: ItemRecord[] = [];
  const listed = new ListedIds();
  const fields = ['movieId', 'title', 'genres'];
  const options = {
    label: file,
    separator: ',',
    encoding: 'utf8' as const,
    fields,
    quoted: true,
    header: fields.join(','),
    signal: context.signal,
  };

  await readDelimitedFile(join(context.dir, file), options, (v, line) => {
    const itemId = parseId(v[0], { file, line, field: 'movieId' });
    listed.add(itemId, { file, line, field: 'movieId' });
    const genres = v[2] === '' || v[2] === '(no genres listed)' ? [] : v[2].split('|');
    // A title is shown on one line everywhere (terminal, Markdown tables, chart labels).
    const title = v[1].replace(/\s*[\r\n]+\s*/g, ' ').trim();
    items.push({ itemId, title, year: yearOfTitle(title), genres });
  });
  return items;
}
