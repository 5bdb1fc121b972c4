import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

test('bin/recommender.js starts the TypeScript CLI through tsx', () => {
  const result = spawnSync(process.execPath, ['bin/recommender.js', '--help'], {
    cwd: repoRoot, encoding: 'utf8',
  });
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, /^usage: recommender <command> \[options\]/);
  assert.match(result.stdout, 'With no command: recommender run movielens');
});

test.run();
