import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtifactStore } from '../src/runtime/artifact-store.ts';
import { runCliProcess, startCli } from './toy-cli.ts';

const pipeline = `name: killme
stages:
  - id: source
    uses: toy-source
    with: { count: 6 }
  - id: slow
    uses: toy-scale
    with: { factor: 5, delayMs: 2500 }
    inputs: { numbers: source.numbers }
  - id: sum
    uses: toy-sum
    inputs: { parts: [ slow.numbers, source.numbers ] }
`;

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The partial output file of the slow stage: its temporary folder holds it. The source stage
 * writes a file of the same name into its own temporary folder just before, so wait until
 * the source is committed.
 */
async function partialOutput(store: ArtifactStore): Promise<string | undefined> {
  if ((await store.keys()).length === 0) return undefined;
  for (const name of await readdir(store.tmpDir).catch(() => [])) {
    const file = join(store.tmpDir, name, 'numbers', 'numbers.csv');
    if (existsSync(file)) return file;
  }
  return undefined;
}

test('a run killed with SIGKILL in the middle of a stage resumes to the same result', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kill-'));
  const file = join(dir, 'killme.yaml');
  await writeFile(file, pipeline);
  const killed = new ArtifactStore(join(dir, 'killed'));
  const clean = new ArtifactStore(join(dir, 'clean'));
  const args = (store: ArtifactStore) => ['run', file, '--artifacts', store.root, '--json'];

  const uninterrupted = runCliProcess(args(clean));
  const { child, done } = startCli(args(killed));
  const partial = await waitFor(() => partialOutput(killed), 60_000);
  assert.is(await readFile(partial, 'utf8'), 'value\n5\n10\n15\n', 'half written');
  child.kill('SIGKILL');
  assert.is((await done).signal, 'SIGKILL');

  // Only the finished stage is an entry; the half-written one stays in tmp, invisible.
  const before = await killed.keys();
  assert.is(before.length, 1);
  assert.is((await killed.readManifest(before[0]))?.stage, 'toy-source');
  assert.equal(await readdir(killed.entriesDir), before);

  const rerun = await runCliProcess(args(killed));
  const reference = await uninterrupted;
  assert.is(rerun.code, 0, rerun.stderr);
  assert.is(reference.code, 0, reference.stderr);

  const resumed = JSON.parse(rerun.stdout);
  const expected = JSON.parse(reference.stdout);
  // 5 x (1..6) = 105, plus 1..6 = 21.
  assert.equal(resumed.results, { sum: { total: 126, parts: 2 } });
  assert.equal(resumed.results, expected.results);
  assert.equal(resumed.nodes.source.status, 'cached');
  assert.equal(resumed.nodes.slow.status, 'finished');
  for (const node of ['source', 'slow', 'sum']) {
    assert.is(resumed.nodes[node].key, expected.nodes[node].key, `${node} has the same key`);
  }

  const slow = await readFile(join(killed.outputDir(resumed.nodes.slow.key, 'numbers'),
    'numbers.csv'), 'utf8');
  assert.is(slow, 'value\n5\n10\n15\n20\n25\n30\n');
  assert.equal(await readdir(killed.tmpDir), [], 'the dead run\'s folder was swept');
});

test.run();
