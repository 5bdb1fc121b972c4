import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writePlanted100k, type Planted100k } from './planted-100k.ts';

/**
 * The real program (bin/recommender.js) on a small planted MovieLens 100K folder, with a real
 * trainer: the plain log on a pipe, and Ctrl-C in the middle of training, then the rerun.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const epochs = 12;
const nodeCount = 6;

/** Small batches so each epoch takes dozens of Adam steps: training lasts a few seconds. */
const pipeline = `name: real-ui
stages:
  - id: ingest
    uses: ingest-movielens
  - id: split
    uses: split-official
    with: { name: u1 }
    inputs: { dataset: ingest.dataset }
  - id: prepare
    uses: scale-features
    inputs: { split: split.split, dataset: ingest.dataset }
  - id: train
    uses: train-mf
    with: { epochs: ${epochs}, patience: ${epochs}, batchSize: 64 }
    inputs: { prepared: prepare.prepared }
  - id: evaluate
    uses: evaluate
    inputs: { model: train.model, prepared: prepare.prepared, dataset: ingest.dataset }
  - id: results
    uses: results-report
    inputs: { evaluations: [evaluate.evaluation] }
`;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunResults {
  ok: boolean;
  durationMs: number;
  results: { results: { table: { columns: string[]; rows: unknown[][] } } };
  nodes: Record<string, { key: string; status: string }>;
}

let dir = '';
let data = '';
let pipelineFile = '';
let planted: Planted100k;

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ui-real-run-'));
  data = join(dir, 'ml-100k');
  await mkdir(data);
  planted = await writePlanted100k(data);
  pipelineFile = join(dir, 'real-ui.yaml');
  await writeFile(pipelineFile, pipeline);
});

test.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `recommender run` on the planted data, both streams piped. */
function startRun(store: string): { child: ChildProcess; done: Promise<Finished> } {
  const args = ['bin/recommender.js', 'run', pipelineFile, '--data', data, '--artifacts', store];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Finished>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

async function readResults(store: string): Promise<RunResults> {
  return JSON.parse(await readFile(join(store, 'runs', 'latest', 'results.json'), 'utf8'));
}

/** The nodes whose entries the store holds, from each entry's manifest. */
async function storedNodes(store: string): Promise<string[]> {
  const keys = await readdir(join(store, 'entries'));
  const manifests = await Promise.all(keys.map(async (key) =>
    JSON.parse(await readFile(join(store, 'entries', key, 'manifest.json'), 'utf8'))));
  return manifests.map((manifest: { node: string }) => manifest.node).sort();
}

/** Resolves once the run's events.jsonl holds an epoch of the train node. */
async function firstEpoch(store: string, exited: Promise<Finished>): Promise<void> {
  let over: Finished | undefined;
  void exited.then((finished) => (over = finished));
  const deadline = Date.now() + 60_000;
  const events = join(store, 'runs', 'latest', 'events.jsonl');

  while (!over && Date.now() < deadline) {
    const text = await readFile(events, 'utf8').catch(() => '');
    if (/"type":"epoch".*"node":"train"/.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!over) throw new Error('no epoch within 60 s');
  throw new Error(`the run ended before its first epoch:\n${over.stdout}\n${over.stderr}`);
}

test('piped: a short plain log with one line per epoch, no escape code, the results', async () => {
  const store = join(dir, 'piped-store');
  const { code, stdout, stderr } = await startRun(store).done;
  assert.is(code, 0, stderr);
  assert.not.ok(stdout.includes('\x1b'), 'escape byte in stdout');
  assert.not.ok(stderr.includes('\x1b'), 'escape byte in stderr');

  // The trainer's own record of how many epochs it ran (early stopping could end sooner).
  const results = await readResults(store);
  const manifest = JSON.parse(await readFile(
    join(store, 'entries', results.nodes.train.key, 'manifest.json'), 'utf8'));
  const epochsRun = manifest.summary.epochsRun as number;
  assert.ok(epochsRun >= 1 && epochsRun <= epochs, `${epochsRun} epochs`);

  const lines = stdout.trimEnd().split('\n');
  const epochLines = lines.filter((line) => /\] train epoch \d+\/12: loss /.test(line));
  assert.is(epochLines.length, epochsRun, stdout);
  assert.equal(epochLines.map((line) => Number(/epoch (\d+)\//.exec(line)![1])),
    Array.from({ length: epochsRun }, (_, k) => k + 1));

  // Progress lines come at most every 5 s per node, and the nodes here run one at a time.
  const progress = lines.filter((line) => /\] \S+ .*\d+\/\d+ \w+ \(\d+%\)/.test(line));
  const allowedProgress = Math.floor(results.durationMs / 5000) + 1;
  assert.ok(progress.length <= allowedProgress, `${progress.length} progress lines:\n${stdout}`);

  // Run line, each node's start, done and at most two log lines, the epochs, the progress,
  // the final line; then the table (blank, title, header, rule, u1, mean) and the outputs.
  const bound = 1 + nodeCount * 4 + epochsRun + allowedProgress + 1 + 6 + 3;
  assert.ok(lines.length <= bound, `${lines.length} lines > ${bound}:\n${stdout}`);
  assert.ok(lines.some((line) => /\] run finished ok in /.test(line)), stdout);

  // The results table as aligned text, the same numbers as results.json.
  const title = lines.indexOf('results');
  assert.ok(title > 0, stdout);
  assert.match(lines[title + 1], /^split +model +MSE +RMSE +MAE +P@10 own/);
  const row = lines[title + 3].split(/ {2,}/);
  const expected = results.results.results.table.rows[0];
  assert.equal(row.slice(0, 5), expected.slice(0, 5).map(String));
  const rmse = Number(row[3]);
  assert.ok(rmse < planted.meanRmse, `RMSE ${rmse} not below the mean's ${planted.meanRmse}`);
});

test('SIGINT during training stops at 130, keeps finished stages, the rerun resumes', async () => {
  const store = join(dir, 'sigint-store');
  const first = startRun(store);
  try {
    await firstEpoch(store, first.done);
  } finally {
    first.child.kill('SIGINT');
  }
  const stopped = await first.done;

  assert.is(stopped.code, 130, stopped.stderr);
  assert.match(stopped.stdout, /\] train cancelled\n/);
  assert.not.match(stopped.stdout, /\] train done in /);
  assert.not.ok(stopped.stdout.includes('\x1b'), 'escape byte in stdout');
  assert.equal(await storedNodes(store), ['ingest', 'prepare', 'split']);
  assert.equal(await readdir(join(store, 'tmp')).catch(() => []), []);
  assert.is((await readResults(store)).nodes.train.status, 'cancelled');

  // Same pipeline, same store: the three finished nodes come from the store, the trainer
  // starts over and the run completes.
  const second = await startRun(store).done;
  assert.is(second.code, 0, second.stderr);
  for (const node of ['ingest', 'split', 'prepare']) {
    assert.match(second.stdout, new RegExp(`\\] ${node} cached`));
    assert.not.match(second.stdout, new RegExp(`\\] ${node} started`));
  }
  assert.match(second.stdout, /\] train started \(train-mf\)/);
  assert.match(second.stdout, /\] train done in /);
  assert.match(second.stdout, /\] run finished ok in /);

  const results = await readResults(store);
  assert.is(results.nodes.train.status, 'finished');
  assert.equal(await storedNodes(store),
    ['evaluate', 'ingest', 'prepare', 'results', 'split', 'train']);
});

test.run();
