import type { CliEnvironment } from './cli-environment.ts';
import { commands } from './commands/index.ts';

/** With no arguments the program does its main job: the default pipeline. */
const mainJob = ['run', 'movielens'];

function overview(): string {
  const lines = Object.values(commands).map((command) =>
    `  ${command.name.padEnd(10)} ${command.summary}`);
  return `usage: recommender <command> [options]   (recommender <command> --help for details)

With no command: recommender ${mainJob.join(' ')}

Commands:
${lines.join('\n')}
`;
}

/** Dispatches to a command and returns the process exit code. */
export async function runCli(argv: string[], environment?: CliEnvironment): Promise<number> {
  const [name, ...rest] = argv.length ? argv : mainJob;
  if (name === '--help' || name === '-h' || name === 'help') {
    (environment?.stdout ?? process.stdout).write(overview());
    return 0;
  }

  const command = commands[name];
  if (!command) {
    const stderr = environment?.stderr ?? process.stderr;
    stderr.write(`recommender: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  return command.run(rest, environment);
}
