import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EntryManifest } from '../src/runtime/entry-manifest.ts';
import { tempStore } from './runtime-run-helper.ts';

const key = 'ab'.repeat(32);

function manifest(node: string): EntryManifest {
  return { key, stage: 'toy-source', version: 1, node, pipeline: 'p', params: {}, inputs: [],
    outputs: { numbers: 'table' }, created: new Date(0).toISOString(), durationMs: 1 };
}

test('an entry is invisible until committed, then complete with its manifest', async () => {
  const store = await tempStore();
  const pending = await store.begin(key, ['numbers']);
  await writeFile(join(pending.outputs.numbers, 'numbers.csv'), 'value\n1\n');

  assert.is(await store.readManifest(key), undefined);
  assert.equal(await store.keys(), []);
  assert.is(await store.commit(pending, manifest('first')), 'written');
  assert.is((await store.readManifest(key))?.node, 'first');
  assert.is(await readFile(join(store.outputDir(key, 'numbers'), 'numbers.csv'), 'utf8'),
    'value\n1\n');
  assert.equal(await readdir(store.tmpDir), []);
});

test('the loser of a commit race drops its copy and the winner stays', async () => {
  const store = await tempStore();
  const winner = await store.begin(key, ['numbers']);
  const loser = await store.begin(key, ['numbers']);
  await writeFile(join(winner.outputs.numbers, 'numbers.csv'), 'winner');
  await writeFile(join(loser.outputs.numbers, 'numbers.csv'), 'loser');

  assert.is(await store.commit(winner, manifest('winner')), 'written');
  assert.is(await store.commit(loser, manifest('loser')), 'existing');
  assert.is((await store.readManifest(key))?.node, 'winner');
  assert.is(await readFile(join(store.outputDir(key, 'numbers'), 'numbers.csv'), 'utf8'),
    'winner');
  assert.equal(await readdir(store.tmpDir), []);
});

test('sweep removes tmp folders of dead processes and entries without a manifest', async () => {
  const store = await tempStore();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    .stdout.toString();
  const live = await store.begin(key, ['numbers']);
  await mkdir(join(store.tmpDir, `${key}.${dead}.0a0b0c0d`, 'numbers'), { recursive: true });
  await mkdir(join(store.entriesDir, 'cd'.repeat(32), 'numbers'), { recursive: true });

  const removed = await store.sweep();
  assert.equal(removed.sort(), [join('entries', 'cd'.repeat(32)),
    join('tmp', `${key}.${dead}.0a0b0c0d`)]);
  assert.equal(await readdir(store.tmpDir), [live.dir.split('/').at(-1)],
    'the folder of this live process stays');
});

test.run();
