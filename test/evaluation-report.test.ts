import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EvaluationMetrics } from '../src/evaluation/evaluate-model.ts';
import { resultsReport } from '../src/stages/results-report.ts';
import { runSettings, tempDirectory } from './evaluation-fixture.ts';

const close = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

function metrics(split: string, model: string, rmse: number | null, fullPrecision: number) {
  const protocol = { k: 10, precision: fullPrecision, recall: 0.5, ndcg: 0.4, users: 9,
    skippedUsers: 1 };
  const evaluation: EvaluationMetrics = {
    split, model, predictsRatings: rmse !== null, testRatings: 100, coldStartPairs: 2,
    coldStartPolicy: 'bias-fallback', relevantAtLeast: 4,
    mse: rmse === null ? null : rmse * rmse, rmse, mae: rmse === null ? null : rmse * 0.8,
    protocols: { 'test-items': { ...protocol, precision: 0.7 }, catalogue: protocol },
  };
  return evaluation;
}

async function writeEvaluation(root: string, evaluation: EvaluationMetrics, users = 0) {
  const dir = path.join(root, `${evaluation.model}-${evaluation.split}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'metrics.json'), JSON.stringify(evaluation));
  const rows = Array.from({ length: users * 2 }, (_, row) =>
    `${11 + Math.floor(row / 2)},${(row % 2) + 1},${50 + row},"Film ${row}, The",4.5`);
  await writeFile(path.join(dir, 'recommendations.csv'),
    ['userId,rank,itemId,title,score', ...rows].join('\n') + '\n');
  return dir;
}

// mf RMSE over u1..u3: 0.90, 0.95, 1.00: mean 0.95, sample std sqrt(2 * 0.05^2 / 2) = 0.05.
// mf P@10 full: 0.1, 0.2, 0.6: mean 0.3, sample std sqrt((0.04 + 0.01 + 0.09) / 2) = 0.264575.
// bias has u1 only (no std); popular predicts no ratings (no RMSE).
async function runReport() {
  const root = await tempDirectory('results-report');
  const evaluations = [
    await writeEvaluation(root, metrics('u2', 'mf', 0.95, 0.2)),
    await writeEvaluation(root, metrics('u1', 'popular', null, 0.25)),
    await writeEvaluation(root, metrics('u1', 'mf', 0.9, 0.1), 3),
    await writeEvaluation(root, metrics('u1', 'bias', 0.97, 0.05)),
    await writeEvaluation(root, metrics('u3', 'mf', 1.0, 0.6)),
  ];
  const report = path.join(root, 'report');
  await mkdir(report);
  const emissions = await lastValueFrom(resultsReport.run({
    params: resultsReport.params.parse({}), inputs: { evaluations }, outputs: { report },
    run: runSettings(root), signal: new AbortController().signal,
  }).pipe(toArray()));
  return { report, emissions };
}

test('results.json: per-model mean and sample std over splits, references last', async () => {
  const { report } = await runReport();
  const results = JSON.parse(await readFile(path.join(report, 'results.json'), 'utf8'));
  assert.equal(results.models, ['mf', 'bias', 'popular']);
  assert.equal(results.evaluations.map((row: EvaluationMetrics) => `${row.model} ${row.split}`),
    ['mf u1', 'mf u2', 'mf u3', 'bias u1', 'popular u1']);

  const rmse = results.metrics.indexOf('RMSE');
  const precision = results.metrics.indexOf('P@10 full');
  const [mf, bias, popular] = results.aggregates;
  assert.equal([mf.model, mf.group, mf.splits], ['mf', 'all', ['u1', 'u2', 'u3']]);
  close(mf.mean[rmse], 0.95);
  close(mf.std[rmse], 0.05);
  close(mf.mean[precision], 0.3);
  close(mf.std[precision], Math.sqrt(0.07));
  close(bias.mean[rmse], 0.97);
  assert.is(bias.std[rmse], null);
  assert.is(popular.mean[rmse], null);
  assert.is(results.best, 'mf');
});

test('several trainings of one model type on a split get rows and means of their own',
  async () => {
    const root = await tempDirectory('results-variants');
    const dnn = (split: string, hidden: number[], rmse: number) => ({
      ...metrics(split, 'dnn', rmse, 0.1),
      hyperParameters: { hidden, dropout: 0.3, batchSize: 1024 },
    });
    const evaluations = [];
    for (const [split, small, large] of [['u1', 0.99, 0.93], ['u2', 0.97, 0.91]] as const) {
      for (const [hidden, rmse] of [[[6, 10], small], [[256], large]] as const) {
        const evaluation = dnn(split, [...hidden], rmse);
        const dir = path.join(root, `${split}-${hidden.length}`);
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'metrics.json'), JSON.stringify(evaluation));
        await writeFile(path.join(dir, 'recommendations.csv'), 'userId,rank,itemId,title,score\n');
        evaluations.push(dir);
      }
    }
    evaluations.push(await writeEvaluation(root, {
      ...metrics('u1', 'bias', 0.97, 0.05), hyperParameters: { damping: 5 },
    }));
    const report = path.join(root, 'report');
    await mkdir(report);
    await lastValueFrom(resultsReport.run({
      params: resultsReport.params.parse({}), inputs: { evaluations }, outputs: { report },
      run: runSettings(root), signal: new AbortController().signal,
    }).pipe(toArray()));

    const results = JSON.parse(await readFile(path.join(report, 'results.json'), 'utf8'));
    assert.equal(results.models, ['dnn (hidden=[6,10])', 'dnn (hidden=[256])', 'bias']);
    const rmse = results.metrics.indexOf('RMSE');
    const means = results.aggregates.map((row: { model: string; mean: number[] }) =>
      [row.model, row.mean[rmse]]);
    close(means[0][1], 0.98);
    close(means[1][1], 0.92);
    assert.is(results.best, 'dnn (hidden=[256])');
  });

test('results.csv has split, mean and std rows; results.md tables and two users', async () => {
  const { report, emissions } = await runReport();
  const csv = (await readFile(path.join(report, 'results.csv'), 'utf8')).trim().split('\n');
  const header = csv[0].split(',');
  assert.is(csv.length, 1 + 5 + 3 * 2);
  const mfMean = csv.find((line) => line.startsWith('mean,all,u1 u2 u3,mf,'))?.split(',') ?? [];
  close(Number(mfMean[header.indexOf('RMSE')]), 0.95);
  const popularMean = csv.find((line) => line.startsWith('mean,all,u1,popular,'))?.split(',');
  assert.is(popularMean?.[header.indexOf('RMSE')], '');

  const markdown = await readFile(path.join(report, 'results.md'), 'utf8');
  // MSE: 0.81, 0.9025, 1.0: mean 0.904167, sample std 0.095010.
  assert.ok(markdown.includes('| mf | 3 | 0.9042 ± 0.0950 | 0.9500 ± 0.0500 |'));
  assert.ok(markdown.includes('## Recommendations of mf (split u1)'));
  assert.ok(markdown.includes('| 12 | 2 | 53 | Film 3, The | 4.5 |'));
  assert.not.ok(markdown.includes('| 13 | 1 |'), 'a third user is shown');

  // Charts: RMSE of the two rating models only, with the spread in each bar's tooltip.
  const rmseSvg = await readFile(path.join(report, 'rmse.svg'), 'utf8');
  assert.ok(rmseSvg.includes('<title>0.950 ± 0.050</title>'));
  assert.ok(rmseSvg.includes('>bias<') && !rmseSvg.includes('>popular<'));
  const png = await readFile(path.join(report, 'ranking-catalogue.png'));
  assert.equal([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok(markdown.includes('![Test RMSE per model (lower is better)](rmse.svg)'));

  const summary = emissions.find((emission) => emission.type === 'summary');
  const table = (summary?.data as { table: { columns: string[]; rows: unknown[][] } }).table;
  const meanRow = table.rows.find((row) => row[0] === 'all (3)' && row[1] === 'mf');
  assert.is(meanRow?.[table.columns.indexOf('RMSE')], '0.9500 ± 0.0500');
  const splitRow = table.rows.find((row) => row[0] === 'u1' && row[1] === 'mf');
  assert.is(splitRow?.[table.columns.indexOf('RMSE')], '0.9000');
});

test.run();
