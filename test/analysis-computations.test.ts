import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDatasetTables } from '../src/analysis/dataset-tables.ts';
import { exploreAnalysis, type ExploreOptions } from '../src/analysis/explore-analysis.ts';
import { tempDirectory, tinyDataset, writeDataset } from './analysis-fixture.ts';

const options: ExploreOptions = {
  firstRows: 2,
  mostRated: 3,
  bestRated: 10,
  minRatings: 3,
  priorWeight: 4,
  ageBinWidth: 10,
};

async function analyse(files = tinyDataset(), chosen = options) {
  const directory = await writeDataset(await tempDirectory('analysis'), files);
  return exploreAnalysis(await readDatasetTables(directory), chosen);
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9,
    `${what}: expected ${expected}, got ${actual}`);

test('overview counts users, items, ratings and the density of the matrix', async () => {
  const { overview } = await analyse();
  assert.equal(overview.users, 4);
  assert.equal(overview.items, 5);
  assert.equal(overview.ratings, 10);
  close(overview.density, 10 / 20, 'density');
  close(overview.meanRating, 3.6, 'mean');
  assert.equal(overview.ratingScale, { min: 1, max: 5, step: 1 });
  assert.ok(overview.hasUserFeatures);
});

test('first rows show original ids, zip codes as text and titles with commas', async () => {
  const { firstRows } = await analyse();
  assert.equal(firstRows.users.rows, [
    { userId: '1', age: 24, gender: 'M', occupation: 'technician', zip: '85711' },
    { userId: '2', age: 53, gender: 'F', occupation: 'other', zip: '01002' },
  ]);
  assert.equal(firstRows.items.rows[0].title, 'English Patient, The (1996)');
  assert.equal(firstRows.ratings.rows[0], {
    userId: '1', itemId: '10', title: 'English Patient, The (1996)', rating: 5,
    date: '1997-09-22',
  });
});

test('genre frequency counts an item once in each of its genres, empty genres kept', async () => {
  const { genres } = await analyse();
  assert.equal(genres.map((row) => [row.genre, row.items]), [
    ['Drama', 3], ['Comedy', 2], ['Action', 1], ['Western', 0],
  ]);
  close(genres[0].share, 0.6, 'Drama share');
});

test('rating distribution has every step of the scale, zero counts included', async () => {
  const { ratings } = await analyse();
  assert.equal(ratings.map((row) => [row.rating, row.count]), [[1, 1], [2, 2], [3, 1], [4, 2],
    [5, 4]]);

  const files = tinyDataset();
  files.meta.ratingScale = { min: 0.5, max: 5, step: 0.5 };
  const halves = (await analyse(files)).ratings;
  assert.equal(halves.length, 10);
  assert.equal(halves.find((row) => row.rating === 4.5)?.count, 0);
  assert.equal(halves.find((row) => row.rating === 5)?.count, 4);
});

test('occupations, genders and the age histogram', async () => {
  const { users } = await analyse();
  assert.ok(users);
  assert.equal(users.occupations, [
    { value: 'other', count: 2 }, { value: 'technician', count: 1 },
    { value: 'writer', count: 1 },
  ]);
  assert.equal(users.genders, [{ value: 'F', count: 2 }, { value: 'M', count: 2 }]);
  assert.equal(users.ages, [
    { from: 20, to: 30, count: 2 }, { from: 30, to: 40, count: 1 },
    { from: 40, to: 50, count: 0 }, { from: 50, to: 60, count: 1 },
  ]);
});

test('mean rating by occupation and by gender weighs every rating once', async () => {
  const { users } = await analyse();
  const occupation = users!.meanByOccupation;
  assert.equal(occupation.map((row) => [row.group, row.ratings, row.users]), [
    ['writer', 2, 1], ['other', 5, 2], ['technician', 3, 1],
  ]);
  close(occupation[0].meanRating, 4.5, 'writer');
  close(occupation[1].meanRating, 17 / 5, 'other');
  close(occupation[2].meanRating, 10 / 3, 'technician');

  const gender = users!.meanByGender;
  assert.equal(gender.map((row) => row.group), ['M', 'F']);
  close(gender[0].meanRating, 19 / 5, 'M');
  close(gender[1].meanRating, 17 / 5, 'F');
});

test('genre correlation is Pearson r of the 0/1 columns, null for a constant genre', async () => {
  const { genreCorrelation } = await analyse();
  const { genres, matrix } = genreCorrelation;
  const r = (a: string, b: string) => matrix[genres.indexOf(a)][genres.indexOf(b)];

  assert.equal(genres, ['Action', 'Comedy', 'Drama', 'Western']);
  close(r('Comedy', 'Drama'), 2 / 3, 'Comedy-Drama');
  close(r('Drama', 'Comedy'), 2 / 3, 'symmetry');
  close(r('Action', 'Drama'), -3 / Math.sqrt(24), 'Action-Drama');
  close(r('Action', 'Comedy'), -2 / Math.sqrt(24), 'Action-Comedy');
  close(r('Drama', 'Drama'), 1, 'diagonal');
  assert.is(r('Western', 'Drama'), null);
  assert.is(r('Western', 'Western'), null);
});

test('most-rated titles pool a film listed under two ids', async () => {
  const { mostRated, duplicateTitles } = await analyse();
  assert.equal(mostRated.map((row) => [row.title, row.ratings, row.itemIds]), [
    ['Fargo (1996)', 4, ['20', '40']],
    ['English Patient, The (1996)', 3, ['10']],
    ['Twister (1996)', 2, ['30']],
  ]);
  close(mostRated[0].meanRating, 17 / 4, 'Fargo mean');
  assert.equal(duplicateTitles.map((row) => row.title), ['Fargo (1996)']);
});

test('best-rated: raw mean favours one vote; threshold and damped mean do not', async () => {
  const { bestRated } = await analyse();
  assert.equal(bestRated.raw.map((row) => row.title), [
    'Misérables, Les (1995)', 'Fargo (1996)', 'English Patient, The (1996)', 'Twister (1996)',
  ]);
  assert.equal(bestRated.thresholded.map((row) => row.title), [
    'Fargo (1996)', 'English Patient, The (1996)',
  ]);

  // Four pseudo-ratings at the global mean 3.6: Fargo (14.4 + 17) / 8 beats the single
  // five-star vote of Les Misérables, (14.4 + 5) / 5.
  close(bestRated.priorMean, 3.6, 'prior mean');
  assert.equal(bestRated.damped.map((row) => row.title), [
    'Fargo (1996)', 'Misérables, Les (1995)', 'English Patient, The (1996)', 'Twister (1996)',
  ]);
  close(bestRated.damped[0].dampedMean, 31.4 / 8, 'Fargo damped');
  close(bestRated.damped[1].dampedMean, 19.4 / 5, 'Misérables damped');
});

test('a layout without user features skips the user analysis', async () => {
  const files = tinyDataset();
  files.users = 'user,userId,age,gender,occupation,zip\n0,1,,,,\n1,2,,,,\n2,3,,,,\n3,4,,,,\n';
  const analysis = await analyse(files);
  assert.is(analysis.overview.hasUserFeatures, false);
  assert.is(analysis.users, undefined);
  assert.equal(analysis.overview.users, 4);
});

test.run();
