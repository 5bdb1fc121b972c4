import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ratings } from '../src/data/ratings.ts';
import { carveValidation } from '../src/preprocess/carve-validation.ts';
import { countColdStart } from '../src/preprocess/cold-start.ts';
import { kfoldSplit } from '../src/preprocess/kfold-split.ts';
import { leaveNOutSplit } from '../src/preprocess/leave-n-out-split.ts';
import { seededRandom } from '../src/util/seeded-random.ts';

/** 40 users with 3..22 ratings each; the timestamp encodes (user, position) so it is unique. */
function generated(): Ratings {
  const random = seededRandom(42);
  const rows: number[][] = [];
  for (let user = 0; user < 40; user++) {
    const count = 3 + (user % 20);
    for (let k = 0; k < count; k++) {
      rows.push([user, Math.floor(random() * 60), 1 + Math.floor(random() * 5), user * 1000 + k]);
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return {
    user: Int32Array.from(rows, (r) => r[0]),
    item: Int32Array.from(rows, (r) => r[1]),
    rating: Float32Array.from(rows, (r) => r[2]),
    timestamp: Float64Array.from(rows, (r) => r[3]),
  };
}

const ratings = generated();
const keys = (part: Ratings) => [...part.timestamp];

test('k-fold test parts are disjoint, cover every rating once, and are seeded', () => {
  const seen = new Map<number, number>();
  for (let fold = 1; fold <= 5; fold++) {
    const { train, test } = kfoldSplit(ratings, 5, fold, 11);
    assert.is(train.user.length + test.user.length, ratings.user.length);
    const trainKeys = new Set(keys(train));
    assert.ok(keys(test).every((key) => !trainKeys.has(key)));
    for (const key of keys(test)) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  assert.is(seen.size, ratings.user.length);
  assert.ok([...seen.values()].every((count) => count === 1));

  assert.equal(keys(kfoldSplit(ratings, 5, 3, 11).test), keys(kfoldSplit(ratings, 5, 3, 11).test));
  assert.not.equal(keys(kfoldSplit(ratings, 5, 3, 11).test),
    keys(kfoldSplit(ratings, 5, 3, 12).test));
});

test('leave-n-out by timestamp holds out each user\'s latest n', () => {
  const { train, test, usersKeptWhole } = leaveNOutSplit(ratings, 2, 'timestamp', 1);
  assert.is(test.user.length, 80);
  assert.is(usersKeptWhole, 0);

  const latestTrain = new Map<number, number>();
  train.user.forEach((user, i) =>
    latestTrain.set(user, Math.max(latestTrain.get(user) ?? -1, train.timestamp[i])));
  test.user.forEach((user, i) => assert.ok(test.timestamp[i] > latestTrain.get(user)!));
});

test('leave-n-out keeps users with n ratings or fewer whole, random order is seeded', () => {
  const few = leaveNOutSplit(ratings, 3, 'random', 5);
  assert.is(few.usersKeptWhole, 2);
  assert.is(few.test.user.length, 38 * 3);
  assert.equal(keys(leaveNOutSplit(ratings, 3, 'random', 5).test), keys(few.test));
  assert.not.equal(keys(leaveNOutSplit(ratings, 3, 'random', 6).test), keys(few.test));
});

test('validation is carved from training only, per user, near the fraction', () => {
  const { train: base } = kfoldSplit(ratings, 5, 1, 3);
  const { train, validation } = carveValidation(base, 0.2, 9);
  assert.is(train.user.length + validation.user.length, base.user.length);

  const baseKeys = new Set(keys(base));
  const trainKeys = new Set(keys(train));
  assert.ok(keys(validation).every((key) => baseKeys.has(key) && !trainKeys.has(key)));
  assert.ok(Math.abs(validation.user.length / base.user.length - 0.2) < 0.05);
  assert.ok(new Set(validation.user).size > 30);
  assert.is(new Set(train.user).size, new Set(base.user).size);

  assert.equal(keys(carveValidation(base, 0.2, 9).validation), keys(validation));
  assert.not.equal(keys(carveValidation(base, 0.2, 10).validation), keys(validation));
});

test('cold-start counts users, items and ratings unseen in training', () => {
  const make = (pairs: number[][]): Ratings => ({
    user: Int32Array.from(pairs, (p) => p[0]),
    item: Int32Array.from(pairs, (p) => p[1]),
    rating: new Float32Array(pairs.length).fill(3),
    timestamp: new Float64Array(pairs.length),
  });
  const train = make([[0, 0], [0, 1], [1, 1]]);
  const test = make([[0, 1], [2, 0], [2, 5], [1, 7], [1, 7]]);
  assert.equal(countColdStart(train, test), { users: 1, items: 2, ratings: 4 });
});

test.run();
