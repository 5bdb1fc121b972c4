import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelConfig } from '../src/models/model-config.ts';
import type { Predictor } from '../src/models/predictor.ts';

export async function tempDirectory(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `${prefix}-`));
}

export function modelConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    type: 'table',
    predictsRatings: true,
    numUsers: 3,
    numItems: 6,
    ratingScale: { min: 1, max: 5 },
    hyperParameters: {},
    seed: 1,
    ...overrides,
  };
}

/** A predictor that looks every score up in a users x items table given literally. */
export function tablePredictor(table: number[][], config = modelConfig()): Predictor {
  return {
    config,
    async predict(users, items) {
      return Float32Array.from(users, (user, pair) => table[user][items[pair]]);
    },
    dispose() {},
  };
}

type Row = readonly [number, number, number];

/** Writes a prepared artifact in the documented format: split CSVs, users, items, meta. */
export async function writePrepared(
  dir: string,
  parts: { train: Row[]; validation: Row[]; test: Row[] },
  sizes: { numUsers: number; numItems: number; name: string },
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const csv = (rows: Row[]) =>
    ['user,item,rating,timestamp,ratingScaled',
      ...rows.map(([user, item, rating]) => `${user},${item},${rating},0,${(rating - 1) / 4}`)]
      .join('\n') + '\n';
  await writeFile(path.join(dir, 'train.csv'), csv(parts.train));
  await writeFile(path.join(dir, 'validation.csv'), csv(parts.validation));
  await writeFile(path.join(dir, 'test.csv'), csv(parts.test));

  const users = Array.from({ length: sizes.numUsers }, (_, user) => `${user},${user + 1},0.5,0,0`);
  await writeFile(path.join(dir, 'users.csv'),
    ['user,ageScaled,genderIndex,occupationIndex', ...users].join('\n') + '\n');
  const items = Array.from({ length: sizes.numItems }, (_, item) => `${item},0`);
  await writeFile(path.join(dir, 'items.csv'), ['item,Drama', ...items].join('\n') + '\n');
  await writeFile(path.join(dir, 'meta.json'),
    JSON.stringify({ name: sizes.name, ratingScale: { min: 1, max: 5 } }));
  return dir;
}

/** A small seeded generator (mulberry32), so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The settings every stage run in the tests gets; --data is never left to its default. */
export function runSettings(dataPath: string) {
  return {
    dataPath,
    dataCacheDir: dataPath,
    seed: 7,
    concurrency: 1,
    backend: 'cpu' as const,
  };
}

/** Writes a dataset artifact's users.csv and items.csv: user ids 101.., titles 'Film <id>'. */
export async function writeDatasetLabels(
  dir: string,
  sizes: { numUsers: number; numItems: number },
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const users = Array.from({ length: sizes.numUsers },
    (_, user) => `${user},${101 + user},30,M,other,0`);
  await writeFile(path.join(dir, 'users.csv'),
    ['user,userId,age,gender,occupation,zip', ...users].join('\n') + '\n');
  const items = Array.from({ length: sizes.numItems },
    (_, item) => `${item},${201 + item},"Film ${201 + item}, The (1990)",1990,Drama`);
  await writeFile(path.join(dir, 'items.csv'),
    ['item,itemId,title,year,genres', ...items].join('\n') + '\n');
  await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ ratingScale: { min: 1, max: 5 } }));
  return dir;
}
