import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discount, scoreRanking } from '../src/evaluation/ranking-metrics.ts';
import { ratingError } from '../src/evaluation/rating-error.ts';
import { relevanceThreshold } from '../src/evaluation/relevance-threshold.ts';
import { TopK } from '../src/evaluation/top-k.ts';

const close = (actual: number, expected: number, digits = 5) =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} is not ${expected}`);

test('rating error: errors 0.5, 0 and 2 give MSE 4.25/3, MAE 2.5/3', () => {
  const { mse, rmse, mae } = ratingError([4, 2, 5], [3.5, 2, 3]);
  close(mse, 1.416667);
  close(rmse, Math.sqrt(4.25 / 3));
  close(mae, 0.833333);
});

test('rating error refuses mismatched or empty inputs', () => {
  assert.throws(() => ratingError([1, 2], [1]), /2 ratings but 1 predictions/);
  assert.throws(() => ratingError([], []), /no ratings/);
});

test('ranking scores: hits at ranks 2 and 4 of 4, three relevant in all', () => {
  // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
  // ideal (3 hits first) = 1 + 0.630930 + 0.5 = 2.130930, NDCG = 0.498193
  const scores = scoreRanking({
    relevantAtRank: [0, 1, 0, 1],
    relevantCount: 3,
    precisionDenominator: 4,
    k: 4,
  });
  close(scores.precision, 0.5);
  close(scores.recall, 2 / 3);
  close(scores.ndcg, 0.498193);
});

test('ranking scores: the ideal list is cut at k when there are more relevant items', () => {
  // k = 2, 5 relevant: ideal DCG = 1 + 1/log2(3); a hit at rank 1 only gives 1/1.630930.
  const scores = scoreRanking({
    relevantAtRank: [1, 0],
    relevantCount: 5,
    precisionDenominator: 2,
    k: 2,
  });
  close(scores.ndcg, 0.613147);
  close(scores.recall, 0.2);
  close(scores.precision, 0.5);
});

test('ranking scores: a perfect list has NDCG 1 and ranks past k are ignored', () => {
  const scores = scoreRanking({
    relevantAtRank: [1, 1, 0, 1],
    relevantCount: 2,
    precisionDenominator: 2,
    k: 2,
  });
  close(scores.ndcg, 1);
  close(scores.precision, 1);
  close(discount(0), 1);
});

test('top-k keeps the best k, best first, and breaks ties by the lower item index', () => {
  const topK = new TopK(3);
  const scores = [0.5, 0.9, 0.2, 0.9, 0.7, Number.NaN, 0.9];
  scores.forEach((score, item) => topK.offer(item, score));
  assert.equal(topK.ranked().items, [1, 3, 6]);

  // Offered in reverse order the ties still go to the lower index.
  topK.clear();
  for (let item = scores.length - 1; item >= 0; item--) topK.offer(item, scores[item]);
  assert.equal(topK.ranked().items, [1, 3, 6]);
  assert.equal(topK.ranked().scores, [0.9, 0.9, 0.9]);
});

test('top-k with fewer offers than k returns them all, NaN last', () => {
  const topK = new TopK(10);
  [3, Number.NaN, 4].forEach((score, item) => topK.offer(item, score));
  assert.equal(topK.ranked().items, [2, 0, 1]);
});

test('relevance threshold 4 maps linearly from 1-5 onto other scales', () => {
  close(relevanceThreshold(4, { min: 1, max: 5 }), 4);
  close(relevanceThreshold(4, { min: 0.5, max: 5 }), 3.875);
  close(relevanceThreshold(4, { min: 1, max: 10 }), 7.75);
});

test.run();
