import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StageDefinition } from '../src/core/stage.ts';
import { run as recommend } from '../src/cli/commands/recommend.ts';
import { trainBias } from '../src/stages/train-bias.ts';
import { trainPopular } from '../src/stages/train-popular.ts';
import {
  runSettings, tempDirectory, writeDatasetLabels, writePrepared,
} from './evaluation-fixture.ts';

type Row = [number, number, number];

// Four users (ids 101..104), six items (ids 201..206). Training counts per item:
// 0: 3, 1: 2, 2: 2, 3: 1, 4: 0, 5: 0. User 102 (index 1) rated items 0 and 1 in training
// and item 4 in the test part: all three are seen, so popular recommends 2, 3, then 5.
const parts = {
  train: [[0, 0, 5], [1, 0, 4], [2, 0, 3], [0, 1, 4], [1, 1, 2], [2, 2, 5], [3, 2, 4],
    [3, 3, 2]] as Row[],
  validation: [[0, 2, 3]] as Row[],
  test: [[1, 4, 5], [2, 5, 1]] as Row[],
};

function manifest(key: string, stage: string, node: string, inputs: string[], output: string,
  kind: string) {
  return JSON.stringify({ key, stage, version: 1, node, pipeline: 'movielens', params: {},
    inputs, outputs: { [output]: kind }, created: '2026-01-01T00:00:00.000Z', durationMs: 1 });
}

/** A store as the runtime leaves it: entries with manifests and one run's results.json. */
async function fixtureStore(): Promise<string> {
  const root = await tempDirectory('recommend');
  const entries = path.join(root, 'entries');
  const sizes = { numUsers: 4, numItems: 6 };

  const dataset = await writeDatasetLabels(path.join(entries, 'kd', 'dataset'), sizes);
  const all = [...parts.train, ...parts.validation, ...parts.test];
  await writeFile(path.join(dataset, 'ratings.csv'), ['user,item,rating,timestamp',
    ...all.map((row) => `${row.join(',')},0`)].join('\n') + '\n');
  await writeFile(path.join(entries, 'kd', 'manifest.json'),
    manifest('kd', 'ingest-movielens', 'ingest', [], 'dataset', 'dataset'));
  await writePrepared(path.join(entries, 'kp', 'prepared'), parts, { ...sizes, name: 'u1' });
  await writeFile(path.join(entries, 'kp', 'manifest.json'),
    manifest('kp', 'scale-features', 'prepare[u1]', ['dataset=kd/dataset'], 'prepared',
      'prepared'));

  const trainers: [string, StageDefinition][] = [['kpop', trainPopular], ['kbias', trainBias]];
  for (const [key, stage] of trainers) {
    const modelDir = path.join(entries, key, 'model');
    await mkdir(modelDir, { recursive: true });
    await lastValueFrom(stage.run({
      params: stage.params.parse({}), inputs: { prepared: path.join(entries, 'kp', 'prepared') },
      outputs: { model: modelDir }, run: runSettings(root), signal: new AbortController().signal,
    }).pipe(toArray()));
    await writeFile(path.join(entries, key, 'manifest.json'), manifest(key, stage.name,
      `${stage.name}[u1]`, ['prepared=kp/prepared'], 'model', 'model'));
  }

  const runDir = path.join(root, 'runs', '2026-01-01T00-00-00-000Z-movielens');
  await mkdir(runDir, { recursive: true });
  await writeFile(path.join(runDir, 'results.json'), JSON.stringify({
    runId: '2026-01-01T00-00-00-000Z-movielens', pipeline: 'movielens', ok: true,
    durationMs: 5, results: {}, nodes: {
      'train-popular[u1]': { stage: 'train-popular', key: 'kpop', status: 'finished' },
      'train-bias[u1]': { stage: 'train-bias', key: 'kbias', status: 'cached' },
    },
  }));
  return root;
}

function capture() {
  let text = '';
  const stream = new Writable({ write(chunk, _encoding, done) {
    text += String(chunk);
    done();
  } });
  return { stream, text: () => text };
}

async function runCommand(argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  const code = await recommend(argv, {
    stages: {}, pipelines: {}, registryModule: '', stdout: stdout.stream, stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const store = await fixtureStore();

test('recommend lists the unseen titles of a named model, best first', async () => {
  const result = await runCommand(['--user', '102', '--artifacts', store,
    '--model', 'train-popular[u1]', '--json']);
  assert.is(result.code, 0, result.stderr);
  const document = JSON.parse(result.stdout);
  assert.is(document.model.node, 'train-popular[u1]');
  assert.equal(document.rows.map((row: { itemId: string }) => row.itemId), ['203', '204', '206']);
  assert.equal(document.rows.map((row: { score: number }) => row.score), [2, 1, 0]);
  assert.is(document.rows[0].title, 'Film 203, The (1990)');
});

test('without --model the newest run\'s preferred trainer is used; -n cuts the list', async () => {
  const result = await runCommand(['--user', '102', '--artifacts', store, '-n', '2']);
  assert.is(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.ok(lines[0].startsWith('Top 2 unseen titles for user 102 from train-bias[u1]'));
  assert.is(lines.length, 2 + 2);
  assert.not.ok(/\[20[125]\]/.test(result.stdout), 'a seen item was recommended');
});

test('an unknown user and a missing model are clear errors', async () => {
  const unknown = await runCommand(['--user', '999', '--artifacts', store]);
  assert.is(unknown.code, 1);
  assert.ok(unknown.stderr.includes('unknown user "999"'), unknown.stderr);
  assert.ok(unknown.stderr.includes('ids 101 to 104'), unknown.stderr);

  const empty = await tempDirectory('recommend-empty');
  const missing = await runCommand(['--user', '102', '--artifacts', empty]);
  assert.is(missing.code, 1);
  assert.ok(missing.stderr.includes('no trained model'), missing.stderr);
  assert.ok(missing.stderr.includes('recommender run movielens --data <dir>'), missing.stderr);

  // A node that is not there is answered with the ones that are.
  const misspelt = await runCommand(['--user', '102', '--artifacts', store, '--model', 'mf[u1]']);
  assert.is(misspelt.code, 1);
  assert.ok(misspelt.stderr.includes('no trained model for node "mf[u1]"'), misspelt.stderr);
  assert.ok(/its newest run has: .*train-bias\[u1\].*train-popular\[u1\]/.test(misspelt.stderr),
    misspelt.stderr);

  const usage = await runCommand(['--artifacts', store]);
  assert.is(usage.code, 2);
  assert.ok(usage.stderr.includes('--user <id> is required'));
});

test.run();
