import path from 'node:path';
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { InputError } from '../core/input-error.ts';
import { loadTable, type ColumnParsers } from '../data/load-table.ts';
import { readArtifactText } from '../data/read-artifact-text.ts';

/** The part of a dataset artifact's meta.json the analysis relies on; the rest passes through. */
const datasetMetaSchema = z.looseObject({
  layout: z.string().default('unknown'),
  ratingScale: z
    .looseObject({ min: z.number(), max: z.number(), step: z.number().positive() })
    .optional(),
  genres: z.array(z.string()).optional(),
});

export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

/** A dataset artifact loaded as Arquero tables, with dense indices and original ids. */
export interface DatasetTables {
  meta: DatasetMeta;
  /** user, item, rating, timestamp */
  ratings: ColumnTable;
  /** user, userId, age, gender, occupation, zip (null where the layout has none) */
  users: ColumnTable;
  /** item, itemId, title, year, genres ('|'-joined, '' when none) */
  items: ColumnTable;
}

const toNumber = (value: string) => (value === '' ? null : Number(value));
const toText = (value: string) => value;
const toOptionalText = (value: string) => (value === '' ? null : value);

/** Column parsers: ids and zip codes stay text, so '01002' keeps its leading zero. */
const tableColumns = {
  ratings: { user: toNumber, item: toNumber, rating: toNumber, timestamp: toNumber },
  users: {
    user: toNumber,
    userId: toText,
    age: toNumber,
    gender: toOptionalText,
    occupation: toOptionalText,
    zip: toOptionalText,
  },
  items: { item: toNumber, itemId: toText, title: toText, year: toNumber, genres: toText },
} satisfies Record<string, ColumnParsers>;

type TableName = keyof typeof tableColumns;

/** Reads meta.json, ratings.csv, users.csv and items.csv of a dataset artifact directory. */
export async function readDatasetTables(directory: string): Promise<DatasetTables> {
  const meta = await readDatasetMeta(path.join(directory, 'meta.json'));
  const [ratings, users, items] = await Promise.all(
    (['ratings', 'users', 'items'] as const).map((name) => readTable(directory, name)),
  );
  return { meta, ratings, users, items };
}

async function readDatasetMeta(file: string): Promise<DatasetMeta> {
  const text = await readArtifactText(file, 'a dataset meta.json');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file, expected: 'valid JSON', received: (error as Error).message });
  }

  const parsed = datasetMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      file,
      field: issue.path.join('.'),
      expected: issue.message,
    });
  }
  return parsed.data;
}

function readTable(directory: string, name: TableName): Promise<ColumnTable> {
  return loadTable(path.join(directory, `${name}.csv`), {
    columns: tableColumns[name],
    expected: `a dataset ${name}.csv with a header row`,
  });
}
