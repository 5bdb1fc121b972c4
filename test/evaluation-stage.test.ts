import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StageDefinition } from '../src/core/stage.ts';
import { evaluate } from '../src/stages/evaluate.ts';
import { trainPopular } from '../src/stages/train-popular.ts';
import {
  runSettings, tempDirectory, writeDatasetLabels, writePrepared,
} from './evaluation-fixture.ts';

async function runStage(
  stage: StageDefinition,
  inputs: Record<string, string>,
  output: string,
  dir: string,
) {
  await mkdir(dir, { recursive: true });
  return lastValueFrom(stage.run({
    params: stage.params.parse({}), inputs, outputs: { [output]: dir },
    run: runSettings(path.dirname(dir)), signal: new AbortController().signal,
  }).pipe(toArray()));
}

// Item training counts: 0: 3, 1: 2, 2: 1, 3: 0, 4: 0. User 0 rated item 0 only, so the
// most-popular list for user 0 is 1, 2, 3, 4 (3 and 4 tie at 0: lower index first).
type Row = [number, number, number];
const parts = {
  train: [[0, 0, 4], [1, 0, 5], [2, 0, 3], [1, 1, 4], [2, 1, 2], [2, 2, 5]] as Row[],
  validation: [[1, 2, 3]] as Row[],
  test: [[0, 1, 5], [0, 3, 2], [1, 3, 4], [2, 4, 1]] as Row[],
};

test('evaluate writes metrics.json and labelled recommendations.csv', async () => {
  const root = await tempDirectory('evaluate-stage');
  const prepared = await writePrepared(path.join(root, 'prepared'), parts,
    { numUsers: 3, numItems: 5, name: 'u9' });
  const sizes = { numUsers: 3, numItems: 5 };
  const dataset = await writeDatasetLabels(path.join(root, 'dataset'), sizes);
  const model = path.join(root, 'model');
  await runStage(trainPopular, { prepared }, 'model', model);

  const evaluation = path.join(root, 'evaluation');
  const inputs = { model, prepared, dataset };
  const emissions = await runStage(evaluate, inputs, 'evaluation', evaluation);
  const metrics = JSON.parse(await readFile(path.join(evaluation, 'metrics.json'), 'utf8'));
  assert.is(metrics.split, 'u9');
  assert.is(metrics.model, 'popular');
  assert.is(metrics.testRatings, 4);
  // Items 3 and 4 have no training rating: pairs (0, 3), (1, 3) and (2, 4) are cold.
  assert.is(metrics.coldStartPairs, 3);
  assert.is(metrics.rmse, null);

  // Catalogue, k = 10. User 0: [1, 2, 3, 4], item 1 relevant at rank 1: P = 0.1, NDCG = 1.
  // User 1 (seen 0, 1, 2): [3, 4], item 3 relevant at rank 1: P = 0.1, NDCG = 1.
  // User 2: no relevant test item, skipped.
  assert.equal(metrics.protocols.catalogue, {
    k: 10, precision: 0.1, recall: 1, ndcg: 1, users: 2, skippedUsers: 1,
  });
  // Own items. User 0: [1 (2 ratings), 3 (0)]: hit at rank 1, P = 1/2. User 1: [3]: P = 1.
  assert.is(metrics.protocols['test-items'].precision, 0.75);

  const csv = await readFile(path.join(evaluation, 'recommendations.csv'), 'utf8');
  const lines = csv.trim().split('\n');
  assert.is(lines[0], 'userId,rank,itemId,title,score');
  assert.is(lines[1], '101,1,202,"Film 202, The (1990)",2');
  assert.is(lines.filter((line) => line.startsWith('101,')).length, 4);
  // Users 1 and 2 have rated items 0, 1 and 2: only 3 and 4 are left for each.
  assert.is(lines.length, 1 + 4 + 2 + 2);

  const summary = emissions.find((emission) => emission.type === 'summary');
  const table = (summary?.data as { table: { columns: string[]; rows: unknown[][] } }).table;
  assert.is(table.rows[0][0], 'u9');
  assert.is(table.rows[0][table.columns.indexOf('RMSE')], '-');
});

test.run();
