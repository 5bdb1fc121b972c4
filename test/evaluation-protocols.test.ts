import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogueProtocol } from '../src/evaluation/catalogue-protocol.ts';
import { groupByUser } from '../src/evaluation/ratings-by-user.ts';
import { concatTriples, makeRatingTriples } from '../src/evaluation/rating-triples.ts';
import { testItemsProtocol } from '../src/evaluation/test-items-protocol.ts';
import { tablePredictor } from './evaluation-fixture.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-5, `${actual} is not ${expected}`);

// Three users, six items, relevant = rated 4 or more.
//   user 0: train item 0, validation item 2, test 3 (5, relevant), 4 (2), 5 (4, relevant)
//   user 1: train items 3, 4, 5, test 0 (4, relevant), 1 (3)
//   user 2: train item 0, test 1 (1), 2 (2): no relevant item, so skipped by both protocols
const train = makeRatingTriples([[0, 0, 4], [1, 3, 5], [1, 4, 2], [1, 5, 3], [2, 0, 3]]);
const validation = makeRatingTriples([[0, 2, 3]]);
const testPart = makeRatingTriples([
  [0, 3, 5], [0, 4, 2], [0, 5, 4], [1, 0, 4], [1, 1, 3], [2, 1, 1], [2, 2, 2],
]);
const scores = [
  [5.0, 4.9, 4.8, 3.0, 4.0, 3.5],
  [2.0, 4.5, 1.0, 5.0, 5.0, 5.0],
  [1.0, 2.0, 3.0, 4.0, 5.0, 1.0],
];
const predictor = tablePredictor(scores);
const testScores = testPart.users.map((user, pair) => scores[user][testPart.items[pair]]);
const log2of3 = Math.log2(3);

test('test-items, k = 2: own test items ranked, P over min(k, test items)', () => {
  // user 0 ranks 4 (4.0), 5 (3.5), 3 (3.0): top 2 = [4, 5], one hit at rank 2.
  //   P = 1/min(2,3) = 0.5, R = 1/2, NDCG = (1/log2 3) / (1 + 1/log2 3) = 0.386853
  // user 1 ranks 1 (4.5), 0 (2.0): one hit at rank 2.
  //   P = 1/min(2,2) = 0.5, R = 1/1, NDCG = (1/log2 3) / 1 = 0.630930
  const result = testItemsProtocol(testPart, Float32Array.from(testScores), {
    numUsers: 3, k: 2, relevantAtLeast: 4,
  });
  close(result.precision, 0.5);
  close(result.recall, 0.75);
  close(result.ndcg, (0.386853 + 0.630930) / 2);
  assert.is(result.users, 2);
  assert.is(result.skippedUsers, 1);
});

test('test-items, k = 10: short lists divide precision by their own length', () => {
  // user 0: hits at ranks 2 and 3 of 3: P = 2/3, R = 1,
  //   NDCG = (1/log2 3 + 1/log2 4) / (1 + 1/log2 3) = 1.130930 / 1.630930 = 0.693426
  // user 1: P = 1/2, R = 1, NDCG = 0.630930
  const result = testItemsProtocol(testPart, Float32Array.from(testScores), {
    numUsers: 3, k: 10, relevantAtLeast: 4,
  });
  close(result.precision, (2 / 3 + 0.5) / 2);
  close(result.recall, 1);
  close(result.ndcg, (0.693426 + 0.630930) / 2);
});

async function catalogue(k: number) {
  return catalogueProtocol({
    predictor,
    numItems: 6,
    seen: groupByUser(concatTriples([train, validation]), 3),
    test: groupByUser(testPart, 3),
    k,
    relevantAtLeast: 4,
    pairsPerBatch: 6, // one user per predict call, so batching is exercised
  });
}

test('catalogue, k = 2: training and validation items are never ranked', async () => {
  // user 0 ranks 1 (4.9), 4, 5, 3: item 0 (train) and item 2 (validation, 4.8) are out.
  //   top 2 = [1, 4]: no hit, P = R = NDCG = 0
  // user 1 ranks 1 (4.5), 0 (2.0), 2 (1.0): top 2 = [1, 0], hit at rank 2
  //   P = 1/2, R = 1/1, NDCG = 1/log2 3 = 0.630930
  const result = await catalogue(2);
  close(result.precision, 0.25);
  close(result.recall, 0.5);
  close(result.ndcg, 1 / log2of3 / 2);
  assert.is(result.users, 2);
  assert.is(result.skippedUsers, 1);
});

test('catalogue, k = 10: precision always divides by k', async () => {
  // user 0: [1, 4, 5, 3], hits at ranks 3 and 4: P = 2/10, R = 2/2,
  //   NDCG = (1/log2 4 + 1/log2 5) / (1 + 1/log2 3) = 0.930677 / 1.630930 = 0.570642
  // user 1: [1, 0, 2], hit at rank 2: P = 1/10, R = 1, NDCG = 0.630930
  const result = await catalogue(10);
  close(result.precision, 0.15);
  close(result.recall, 1);
  close(result.ndcg, (0.570642 + 0.630930) / 2);
});

test.run();
