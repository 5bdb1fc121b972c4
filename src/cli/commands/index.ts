import type { CliCommand } from '../cli-command.ts';
import * as clean from './clean.ts';
import * as list from './list.ts';
import * as recommend from './recommend.ts';
import * as run from './run.ts';
import * as show from './show.ts';
import * as status from './status.ts';

/** Every command by name, in the order `recommender --help` lists them. One line each. */
export const commands: Record<string, CliCommand> = Object.fromEntries(
  ([run, recommend, list, status, clean, show] as CliCommand[])
    .map((command) => [command.name, command]),
);
