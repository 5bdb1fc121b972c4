import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ingestFailure, small100k } from './data-fixtures.ts';

test('a truncated line names the file, the line and the fields expected', async () => {
  const error = await ingestFailure(small100k({ 'u.data': '1\t1\t5\t100\n1\t2\t3\n' }));
  assert.is(error.file, 'u.data');
  assert.is(error.line, 2);
  assert.match(error.expected, '4 tab-separated fields (user id, item id, rating, timestamp)');
  assert.match(error.expected, 'the line has 3');
  assert.is(error.received, '1\t2\t3');
  assert.match(error.message, /^u\.data:2: expected 4 tab-separated fields/);
});

test('a line with too many fields is malformed', async () => {
  const error = await ingestFailure(small100k({ 'u.user': '1|24|M|student|85711|extra\n' }));
  assert.is(error.file, 'u.user');
  assert.is(error.line, 1);
  assert.match(error.expected, '5 pipe-separated fields');
});

test('a rating off the scale', async () => {
  const error = await ingestFailure(small100k({ 'u.data': '1\t1\t5\t100\n1\t2\t6\t101\n' }));
  assert.equal([error.file, error.line, error.field, error.received], ['u.data', 2, 'rating', '6']);
  assert.is(error.expected, 'a rating from 1 to 5 in steps of 1');
});

test('a half star where the scale has whole stars only', async () => {
  const error = await ingestFailure(small100k({ 'u.data': '1\t1\t3.5\t100\n' }));
  assert.is(error.field, 'rating');
  assert.is(error.received, '3.5');
});

test('a non-numeric id', async () => {
  const error = await ingestFailure({
    'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,9\nabc,2,3.0,9\n',
    'movies.csv': 'movieId,title,genres\n1,A (1999),Drama\n',
  });
  assert.equal([error.file, error.line, error.field, error.received],
    ['ratings.csv', 3, 'userId', 'abc']);
  assert.is(error.expected, 'a non-negative integer id');
});

test('a wrong separator is named', async () => {
  const error = await ingestFailure(small100k({ 'u.data': '1,1,5,100\n' }));
  assert.is(error.line, 1);
  assert.match(error.expected, 'tab-separated');
  assert.match(error.expected, 'seems comma-separated');
});

test('a 1M file with single colons is not taken for double colons', async () => {
  const error = await ingestFailure({
    'ratings.dat': '1:10:5:978300760\n',
    'movies.dat': '10::A (1999)::Drama\n',
  });
  assert.is(error.file, 'ratings.dat');
  assert.match(error.expected, '4 double-colon-separated fields');
});

test('a missing file', async () => {
  const files: Record<string, string | Buffer> = small100k();
  delete files['u.item'];
  const error = await ingestFailure(files);
  assert.is(error.file, 'u.item');
  assert.is(error.expected, 'the file to exist');
});

test('an empty file', async () => {
  const error = await ingestFailure(small100k({ 'u.data': '' }));
  assert.is(error.file, 'u.data');
  assert.is(error.expected, 'a non-empty file');
});

test('a wrong header in the latest layout', async () => {
  const error = await ingestFailure({
    'ratings.csv': 'user,movie,rating,timestamp\n1,1,4.0,9\n',
    'movies.csv': 'movieId,title,genres\n1,A (1999),Drama\n',
  });
  assert.is(error.file, 'ratings.csv');
  assert.is(error.line, 1);
  assert.match(error.expected, 'userId,movieId,rating,timestamp');
});

test('a folder with no MovieLens files says what to pass', async () => {
  const error = await ingestFailure({ 'notes.txt': 'hello' });
  assert.match(error.message, '--data <dir or zip>');
  assert.match(error.message, 'u.data');
});

test('a split naming a user the data set lacks', async () => {
  const error = await ingestFailure(small100k({ 'u1.test': '99\t1\t3\t5\n' }));
  assert.equal([error.file, error.field, error.received], ['u1.test', 'user id', '99']);
});

test.run();
