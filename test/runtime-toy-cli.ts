import { runCli } from '../src/cli/run-cli.ts';
import { pipelines, registryModule, stages } from './runtime-toy-stages.ts';

// The CLI with the test-only stages and pipelines, for tests that run it in a child process.
process.exitCode = await runCli(process.argv.slice(2), {
  stages,
  pipelines,
  registryModule,
  stdout: process.stdout,
  stderr: process.stderr,
});
