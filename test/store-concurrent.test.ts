import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtifactStore } from '../src/runtime/artifact-store.ts';
import { runCliProcess } from './toy-cli.ts';

const pipeline = `name: together
stages:
  - id: source
    uses: toy-source
    with: { count: 10 }
  - id: scale
    uses: toy-scale
    forEach: { factor: [2, 3, 4, 5] }
    with: { factor: "\${factor}", delayMs: 300 }
    inputs: { numbers: source.numbers }
  - id: sum
    uses: toy-sum
    inputs: { parts: "scale[*].numbers" }
`;

test('two runs started at once on one store both finish; the store stays consistent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'together-'));
  const file = join(dir, 'together.yaml');
  await writeFile(file, pipeline);
  const store = new ArtifactStore(join(dir, 'store'));
  const args = ['run', file, '--artifacts', store.root, '--json'];

  const [first, second] = await Promise.all([runCliProcess(args), runCliProcess(args)]);
  assert.is(first.code, 0, first.stderr);
  assert.is(second.code, 0, second.stderr);

  // (2 + 3 + 4 + 5) x (1 + ... + 10) = 770, whoever wrote which entry.
  const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
  assert.equal(a.results, { sum: { total: 770, parts: 4 } });
  assert.equal(b.results, a.results);
  assert.is.not(a.runId, b.runId);

  // One complete entry per node, each with its manifest, and nothing left in tmp.
  const folders = (await readdir(store.entriesDir)).sort();
  assert.is(folders.length, 6);
  assert.equal((await store.keys()).sort(), folders);
  const keys = Object.values(a.nodes).map((node) => (node as { key: string }).key).sort();
  assert.equal(keys, folders);
  assert.equal(await readdir(store.tmpDir), []);
  assert.is((await readdir(store.runsDir)).filter((name) => name !== 'latest').length, 2);

  const third = await runCliProcess(args);
  const statuses = Object.values(JSON.parse(third.stdout).nodes)
    .map((node) => (node as { status: string }).status);
  assert.equal(statuses, Array(6).fill('cached'));
});

test.run();
