import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../src/util/seeded-random.ts';
import type { RatingSet, TrainingData } from '../src/models/training-data.ts';

/** Ratings planted from a rank-2 structure plus biases, split 80/10/10 at random. */
export interface PlantedData {
  data: TrainingData;
  test: RatingSet;
}

export function plantedRatings(numUsers = 50, numItems = 40, seed = 3): PlantedData {
  const random = seededRandom(seed);
  const normal = () => (random() + random() + random() - 1.5) * 1.2;
  const users = Array.from({ length: numUsers }, () => [normal(), normal(), normal() * 0.5]);
  const items = Array.from({ length: numItems }, () => [normal(), normal(), normal() * 0.5]);

  const parts: number[][][] = [[], [], []];
  for (let u = 0; u < numUsers; u++) {
    for (let i = 0; i < numItems; i++) {
      if (random() > 0.7) continue;
      const signal = 3.2 + users[u][0] * items[i][0] + users[u][1] * items[i][1]
        + users[u][2] + items[i][2];
      const rating = Math.min(5, Math.max(1, Math.round(signal)));
      const draw = random();
      parts[draw < 0.8 ? 0 : draw < 0.9 ? 1 : 2].push([u, i, rating]);
    }
  }
  const [train, validation, test] = parts.map(toSet);
  return {
    data: { train, validation, numUsers, numItems, ratingScale: { min: 1, max: 5 } },
    test,
  };
}

function toSet(rows: number[][]): RatingSet {
  return {
    users: Int32Array.from(rows, (r) => r[0]),
    items: Int32Array.from(rows, (r) => r[1]),
    ratings: Float32Array.from(rows, (r) => r[2]),
    scaled: Float32Array.from(rows, (r) => (r[2] - 1) / 4),
  };
}

/** RMSE of predicting the training mean for every test rating. */
export function globalMeanRmse(planted: PlantedData): number {
  const ratings = planted.data.train.ratings;
  const mean = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
  return rmse(new Float32Array(planted.test.ratings.length).fill(mean), planted.test.ratings);
}

export function rmse(predicted: Float32Array, actual: Float32Array): number {
  let squared = 0;
  for (let k = 0; k < actual.length; k++) squared += (predicted[k] - actual[k]) ** 2;
  return Math.sqrt(squared / actual.length);
}

/**
 * Writes the planted ratings as a `prepared` artifact in the documented format (scalers,
 * ratingScaled, side features, genre columns) into a fresh temporary directory.
 */
export async function writePreparedFixture(planted: PlantedData): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'models-prepared-'));
  const { data, test } = planted;
  const parts = { train: data.train, validation: data.validation, test };
  for (const [name, set] of Object.entries(parts)) {
    const rows = Array.from(set.users, (u, k) =>
      `${u},${set.items[k]},${set.ratings[k]},${1000 + k},${set.scaled[k]}`);
    await writeFile(join(dir, `${name}.csv`),
      ['user,item,rating,timestamp,ratingScaled', ...rows].join('\n') + '\n');
  }

  const users = Array.from({ length: data.numUsers }, (_, u) => [
    u, u + 1, 20 + u, u % 2 ? 'F' : 'M', `job${u % 3}`, `0000${u}`, u / data.numUsers, u % 2, u % 3,
  ].join(','));
  await writeFile(join(dir, 'users.csv'), [
    'user,userId,age,gender,occupation,zip,ageScaled,genderIndex,occupationIndex', ...users,
  ].join('\n') + '\n');
  const items = Array.from({ length: data.numItems }, (_, i) =>
    `${i},${i + 1},"Film ${i}, The (1990)",${i % 2},${i % 3 === 0 ? 1 : 0}`);
  await writeFile(join(dir, 'items.csv'),
    ['item,itemId,title,genre_Drama,genre_Comedy', ...items].join('\n') + '\n');

  await writeFile(join(dir, 'scalers.json'), JSON.stringify({ rating: { min: 1, max: 5 } }));
  await writeFile(join(dir, 'meta.json'), JSON.stringify({
    name: 'planted', genreColumns: ['genre_Drama', 'genre_Comedy'],
  }));
  return dir;
}
