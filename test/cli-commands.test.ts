import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './toy-cli.ts';

const temp = () => mkdtemp(join(tmpdir(), 'cli-'));

test('--help lists the commands; each command has its own usage', async () => {
  const help = await cli('--help');
  assert.is(help.code, 0);
  for (const name of ['run', 'list', 'status', 'clean']) assert.match(help.stdout, `\n  ${name} `);

  const run = await cli('run', '--help');
  assert.is(run.code, 0);
  assert.match(run.stdout, /^usage: recommender run <pipeline \| file\.yaml \| file\.json>/);
  assert.match(run.stdout, '--no-workers');
});

test('usage errors exit 2 with the reason first', async () => {
  const unknown = await cli('frobnicate');
  assert.is(unknown.code, 2);
  assert.is(unknown.stderr.split('\n')[0], 'recommender: unknown command "frobnicate"');

  const seed = await cli('run', 'toy', '--seed', 'ten');
  assert.is(seed.code, 2);
  assert.is(seed.stderr.split('\n')[0],
    'recommender: --seed: expected a non-negative integer, got "ten"');

  const option = await cli('list', '--colour');
  assert.is(option.code, 2);
  assert.match(option.stderr, /^recommender: Unknown option '--colour'/);
});

test('a bad pipeline file fails with one line naming file, line and field', async () => {
  const file = join(await temp(), 'bad.yaml');
  await writeFile(file, 'name: bad\nstages:\n  - id: s\n    uses: toy-source\n    with:\n' +
    '      count: many\n');
  const result = await cli('run', file, '--artifacts', await temp());
  assert.is(result.code, 1);
  assert.is(result.stderr,
    `recommender: ${file}:6: stages[0].with.count: expected a positive integer, got "many"\n`);
});

test('an unknown pipeline name and a missing --data path are one-line errors', async () => {
  const name = await cli('run', 'nope', '--artifacts', await temp());
  assert.is(name.code, 1);
  assert.is(name.stderr, 'recommender: nope: pipeline: expected a built-in pipeline (toy) ' +
    'or a .yaml/.json file\n');

  const data = await cli('run', 'toy', '--data', '/nonexistent/ml-100k');
  assert.is(data.code, 1);
  assert.is(data.stderr, 'recommender: /nonexistent/ml-100k: --data: expected an existing ' +
    'MovieLens directory or zip file\n');
});

test('run --json prints exactly one JSON document; the log goes to stderr', async () => {
  const artifacts = await temp();
  const result = await cli('run', 'toy', '--artifacts', artifacts, '--json', '--no-ui');
  assert.is(result.code, 0, result.stderr);

  const document = JSON.parse(result.stdout);
  assert.is(document.ok, true);
  assert.equal(document.results, { sum: { total: 120, parts: 2 } });
  assert.equal(Object.keys(document.nodes), ['source', 'scale[2]', 'scale[10]', 'sum']);
  assert.match(result.stderr, 'sum');

  const again = await cli('run', 'toy', '--artifacts', artifacts, '--json');
  const statuses = Object.values(JSON.parse(again.stdout).nodes).map((node) =>
    (node as { status: string }).status);
  assert.equal(statuses, ['cached', 'cached', 'cached', 'cached']);
});

test('a failing run exits 1 naming the node and the reason', async () => {
  const file = join(await temp(), 'fails.json');
  await writeFile(file, JSON.stringify({ name: 'fails', stages: [
    { id: 'broken', uses: 'toy-fail', with: { message: 'no space left' } }] }));
  const result = await cli('run', file, '--artifacts', await temp(), '--no-ui');
  assert.is(result.code, 1);
  assert.is(result.stderr, 'recommender: broken: no space left\n');
});

test('status tells cached from missing; clean empties the store or keeps runs', async () => {
  const artifacts = await temp();
  const before = await cli('status', 'toy', '--artifacts', artifacts, '--json');
  assert.is(JSON.parse(before.stdout).cached, 0);

  await cli('run', 'toy', '--artifacts', artifacts, '--no-ui');
  const after = await cli('status', 'toy', '--artifacts', artifacts);
  assert.match(after.stdout, /^toy: 4 of 4 nodes cached in /);
  const other = await cli('status', 'toy', '--artifacts', artifacts, '--seed', '9', '--json');
  assert.is(JSON.parse(other.stdout).cached, 0, 'another seed is another key');

  await writeFile(join(artifacts, 'README.md'), 'kept');
  assert.is((await cli('clean', '--artifacts', artifacts, '--keep-runs')).code, 0);
  assert.equal((await readdir(artifacts)).sort(), ['README.md', 'runs']);
  await cli('clean', '--artifacts', artifacts);
  assert.equal(await readdir(artifacts), ['README.md']);
  assert.ok(!existsSync(join(artifacts, 'entries')));
});

test('list names pipelines and stages with their inputs and outputs', async () => {
  const text = await cli('list');
  assert.match(text.stdout, /toy-sum +Adds up every number of every input table\./);
  assert.match(text.stdout, '(parts: table[]) -> (report: report)  v1');

  const json = JSON.parse((await cli('list', '--json')).stdout);
  assert.equal(json.pipelines, [{ name: 'toy', description: 'Two scaled branches added up.' }]);
  assert.is(json.stages.find((stage: { name: string }) => stage.name === 'toy-heavy').heavy, true);
});

test.run();
