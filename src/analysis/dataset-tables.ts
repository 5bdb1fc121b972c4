import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { InputError } from '../core/input-error.ts';

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
} satisfies Record<string, Record<string, (value: string) => unknown>>;

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
  const text = await readArtifactFile(file, 'a dataset meta.json');
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

async function readTable(directory: string, name: TableName): Promise<ColumnTable> {
  const file = path.join(directory, `${name}.csv`);
  const text = await readArtifactFile(file, `a dataset ${name}.csv with a header row`);
  const columns = tableColumns[name];
  const table = aq.fromCSV(text, { parse: columns });

  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  for (const column of Object.keys(columns)) {
    if (!table.columnNames().includes(column)) {
      throw new InputError({
        file,
        line: 1,
        field: column,
        expected: `a header with the columns ${Object.keys(columns).join(',')}`,
        received: header.trim(),
      });
    }
  }
  return table;
}

async function readArtifactFile(file: string, expected: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError({ file, expected, received: code });
  }
}
