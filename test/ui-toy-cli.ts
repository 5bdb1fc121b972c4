import { runCli } from '../src/cli/run-cli.ts';
import { pipelines } from './runtime-toy-stages.ts';
import { registryModule, stages } from './ui-toy-training.ts';

// The CLI with the test-only stages and the pretend trainer, run in a child process.
process.exitCode = await runCli(process.argv.slice(2), {
  stages,
  pipelines,
  registryModule,
  stdout: process.stdout,
  stderr: process.stderr,
});
