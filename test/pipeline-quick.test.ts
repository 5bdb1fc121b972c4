import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const movieLens100k = path.resolve(repoRoot, '../shared/data/ml-100k');

interface RunDocument {
  ok: boolean;
  error?: unknown;
  results: { results: { table: { columns: string[]; rows: (string | number)[][] } } };
  nodes: Record<string, { stage: string; key: string; status: string }>;
}

/** `recommender run quick --json` on the real data, in a store of its own. */
function runQuick(artifacts: string): RunDocument {
  const result = spawnSync(process.execPath, [
    'bin/recommender.js', 'run', 'quick', '--data', movieLens100k, '--artifacts', artifacts,
    '--json',
  ], { cwd: repoRoot, encoding: 'utf8', timeout: 9 * 60_000, maxBuffer: 1 << 26 });
  assert.is(result.status, 0, result.stderr.slice(-2000));
  return JSON.parse(result.stdout) as RunDocument;
}

/** The u1 row of each model, keyed by model, its cells by column name. */
function rowsByModel(document: RunDocument): Map<string, Record<string, string>> {
  const { columns, rows } = document.results.results.table;
  const byModel = new Map<string, Record<string, string>>();
  for (const row of rows.filter((cells) => cells[0] === 'u1')) {
    byModel.set(String(row[1]), Object.fromEntries(columns.map((c, k) => [c, String(row[k])])));
  }
  return byModel;
}

const artifacts = mkdtempSync(path.join(tmpdir(), 'pipeline-quick-'));
let document: RunDocument | undefined;

test.after(() => rmSync(artifacts, { recursive: true, force: true }));

test('quick runs to the end on MovieLens 100K', () => {
  document = runQuick(artifacts);
  assert.ok(document.ok, JSON.stringify(document.error));
});

test('every trained model beats the bias baseline\'s RMSE on u1', () => {
  const rows = rowsByModel(document!);
  const bias = Number(rows.get('bias')?.RMSE);
  for (const model of ['mf', 'dnn', 'hybrid']) {
    const rmse = Number(rows.get(model)?.RMSE);
    assert.ok(rmse < bias, `${model} RMSE ${rmse} is not below the bias baseline's ${bias}`);
  }
});

test('every RMSE is finite and within [0.8, 1.2]', () => {
  const rows = rowsByModel(document!);
  for (const model of ['mf', 'dnn', 'hybrid', 'bias']) {
    const rmse = Number(rows.get(model)?.RMSE);
    assert.ok(Number.isFinite(rmse) && rmse >= 0.8 && rmse <= 1.2, `${model}: ${rmse}`);
  }
});

test('the popular row has P@10 on the catalogue protocol, and no rating error', () => {
  const popular = rowsByModel(document!).get('popular');
  assert.ok(popular, 'no popular row');
  const precision = Number(popular['P@10 full']);
  assert.ok(precision > 0 && precision <= 1, `P@10 full is ${popular['P@10 full']}`);
  assert.is(popular.RMSE, '-');
});

test('the hybrid\'s evaluation wrote its top-10 recommendations', () => {
  const node = document!.nodes['evaluate[hybrid]'];
  assert.is(node?.status, 'finished');
  const file = path.join(artifacts, 'entries', node.key, 'evaluation', 'recommendations.csv');
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');

  assert.is(header, 'userId,rank,itemId,title,score');
  assert.ok(lines.length >= 10, `${lines.length} recommendation rows`);
  const firstUser = lines.filter((line) => line.startsWith(`${lines[0].split(',')[0]},`));
  const ranks = firstUser.map((line) => Number(line.split(',')[1]));
  assert.equal(ranks, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test.run();
