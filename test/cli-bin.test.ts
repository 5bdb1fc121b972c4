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

test('options with no command run the main job with them', () => {
  const result = spawnSync(process.execPath, ['bin/recommender.js', '--data', '/no/such/dir'], {
    cwd: repoRoot, encoding: 'utf8',
  });

  assert.is(result.status, 1, result.stderr);
  assert.is(
    result.stderr.trim(),
    'recommender: /no/such/dir: --data: expected an existing MovieLens directory or zip file',
  );
});

test.run();
