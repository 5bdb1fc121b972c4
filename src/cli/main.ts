import { runCli } from './run-cli.ts';

// The entry point of bin/recommender.js. Exit through exitCode so pending output is flushed;
// the unref'd timer only ends a process that some library's open handle would keep alive.
process.exitCode = await runCli(process.argv.slice(2));
setTimeout(() => process.exit(), 1000).unref();
