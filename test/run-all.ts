/**
 * Runs every uvu suite in one process, passes its output through, and closes with the plain
 * `N passed, N failed` line that CI systems read, which uvu's coloured summary is not.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// uvu's package exports hide its bin; the file is at a stable place inside the package.
const uvu = fileURLToPath(new URL('../node_modules/uvu/bin.js', import.meta.url));
const args = ['--import', 'tsx', uvu, 'test', '\\.test\\.tsx?$', ...process.argv.slice(2)];

const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});

child.on('close', (code) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const failed = total - passed;

  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code === 0 && total > 0 && failed === 0 ? 0 : 1);
});
