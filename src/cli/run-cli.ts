import type { CliEnvironment } from './cli-environment.ts';
import { commands } from './commands/index.ts';

/** With no command the program does its main job: the default pipeline. */
const mainJob = ['run', 'movielens'];

const isHelp = (word: string) => word === '--help' || word === '-h' || word === 'help';

/** `recommender --data x` means the main job with those options, like bare `recommender`. */
function withCommand(argv: string[]): string[] {
  const first = argv[0];
  if (first === undefined) return mainJob;
  return first.startsWith('-') && !isHelp(first) ? [...mainJob, ...argv] : argv;
}

function overview(): string {
  const lines = Object.values(commands).map((command) =>
    `  ${command.name.padEnd(10)} ${command.summary}`);
  return `usage: recommender <command> [options]   (recommender <command> --help for details)

With no command: recommender ${mainJob.join(' ')} [options]

Commands:
${lines.join('\n')}
`;
}

/** Dispatches to a command and returns the process exit code. */
export async function runCli(argv: string[], environment?: CliEnvironment): Promise<number> {
  const [name, ...rest] = withCommand(argv);
  if (isHelp(name)) {
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
