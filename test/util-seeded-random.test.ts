import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  deriveSeed, deriveSeed31, seededRandom, shuffleInPlace,
} from '../src/util/seeded-random.ts';

test('one seed gives one sequence, another seed another', () => {
  const first = seededRandom(7);
  const again = seededRandom(7);
  const other = seededRandom(8);
  const a = [first(), first(), first()];
  assert.equal([again(), again(), again()], a);
  assert.not.equal([other(), other(), other()], a);
  for (const value of a) assert.ok(value >= 0 && value < 1);
});

test('a shuffle keeps every value once', () => {
  const values = Int32Array.from({ length: 50 }, (_, i) => i);
  shuffleInPlace(values, seededRandom(3));
  assert.equal([...values].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.not.equal([...values], Array.from({ length: 50 }, (_, i) => i));
});

test('derived seeds differ by purpose and keep parts apart', () => {
  assert.not.equal(deriveSeed(1, 'validation'), deriveSeed(1, 'kfold'));
  assert.not.equal(deriveSeed(1, 'ab', 'c'), deriveSeed(1, 'a', 'bc'));
  assert.is(deriveSeed(-1, 'x'), deriveSeed(2 ** 32 - 1, 'x'));
});

test('deriveSeed31 is deriveSeed without its top bit', () => {
  for (const purpose of ['mf', 'dnn', 'drop0', 'dense_2', 'item_embedding']) {
    const full = deriveSeed(42, purpose);
    assert.is(deriveSeed31(42, purpose), full % 2 ** 31);
    assert.ok(full >= 0 && full < 2 ** 32);
  }
});

test.run();
