import { join, resolve } from 'node:path';
import { readDatasetLabels, userIndexOf } from '../../evaluation/dataset-labels.ts';
import { scorerWithPolicy } from '../../evaluation/evaluate-model.ts';
import { locateModel, type LocatedModel } from '../../evaluation/locate-model.ts';
import { readPreparedSplit } from '../../evaluation/prepared-split.ts';
import { groupByUser } from '../../evaluation/ratings-by-user.ts';
import { readRatingTriples } from '../../evaluation/rating-triples.ts';
import { recommendFor, type Recommendation } from '../../evaluation/recommendation-rows.ts';
import { backendForModel } from '../../evaluation/model-backend.ts';
import { loadPredictor } from '../../models/load-predictor.ts';
import type { CliEnvironment } from '../cli-environment.ts';
import { runCommand } from '../run-command.ts';
import { UsageError } from '../usage-error.ts';

export const name = 'recommend';

export const summary = "A user's top unseen titles from a saved model";

export const usage = `recommender recommend --user <id> [options]

  --user <id>          the user's id in the original data (e.g. 196 in MovieLens 100K)
  --model <node|dir>   a trainer node of the pipeline, e.g. "train[u1,mf]" in movielens (the
                       nodes are listed by \`status\`), or a model directory (default: the
                       newest run's hybrid, else DNN, MF, bias, popular)
  --pipeline <name>    the pipeline whose runs are searched (default: movielens)
  --artifacts <dir>    the artifact store (default: ./artifacts)
  -n <count>           how many titles (default: 10)
  --json               print one JSON document`;

const optionSpecs = {
  user: { type: 'string' },
  model: { type: 'string' },
  pipeline: { type: 'string', default: 'movielens' },
  artifacts: { type: 'string', default: 'artifacts' },
  n: { type: 'string', short: 'n', default: '10' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Loads the model, ranks every title the user has not rated, prints the top n. */
export function run(argv: string[], given?: CliEnvironment): Promise<number> {
  const frame = { options: optionSpecs, usage };
  return runCommand(argv, given, frame, async ({ values }, environment) => {
    if (values.user === undefined) throw new UsageError('--user <id> is required');
    const count = Number(values.n);
    if (!Number.isInteger(count) || count < 1) {
      throw new UsageError(`-n: expected a whole number of at least 1, got "${values.n}"`);
    }

    const located = await locateModel({ artifacts: resolve(values.artifacts),
      pipeline: values.pipeline, model: values.model });
    const rows = await recommendForUser(located, values.user, count);
    environment.stdout.write(values.json
      ? `${JSON.stringify({ user: values.user, model: located, rows }, null, 2)}\n`
      : formatRows(located, values.user, rows));
    return 0;
  });
}

async function recommendForUser(located: LocatedModel, userId: string, count: number) {
  const { datasetDir, preparedDir } = located;
  if (!datasetDir) {
    throw new Error(`${located.modelDir}: no data set recorded for this model (ids and ` +
      'titles come from it); pass a model of the artifact store');
  }

  const labels = await readDatasetLabels(datasetDir);
  const user = userIndexOf(labels, userId);
  if (user === undefined) {
    throw new Error(`unknown user "${userId}": the data set in ${datasetDir} has ` +
      `${labels.userIds.size} users, ids ${idRange(labels.userIds)}`);
  }

  await backendForModel(located.modelDir, 'auto');
  const model = await loadPredictor(located.modelDir);
  try {
    const split = preparedDir ? await readPreparedSplit(preparedDir) : undefined;
    const ratings = await readRatingTriples(join(datasetDir, 'ratings.csv'));
    return await recommendFor({
      predictor: split ? scorerWithPolicy(model, split) : model,
      users: [user],
      numItems: model.config.numItems,
      // Everything the user ever rated counts as seen, test ratings included.
      seen: groupByUser(ratings, Math.max(model.config.numUsers, user + 1)),
      labels,
      n: count,
    });
  } finally {
    model.dispose();
  }
}

function formatRows(located: LocatedModel, userId: string, rows: Recommendation[]): string {
  const head = `Top ${rows.length} unseen titles for user ${userId} from ${describe(located)}`;
  const idWidth = Math.max(...rows.map((row) => row.itemId.length), 2);
  const lines = rows.map((row) => `${String(row.rank).padStart(4)}.  ` +
    `${row.score.toFixed(3).padStart(8)}  ${`[${row.itemId}]`.padEnd(idWidth + 2)}  ${row.title}`);
  return `${head}\n${'rank'.padStart(5)}  ${'score'.padStart(8)}  ${'id'.padEnd(idWidth + 2)}  ` +
    `title\n${lines.join('\n')}\n`;
}

function describe(located: LocatedModel): string {
  if (!located.node) return located.modelDir;
  return `${located.node} (run ${located.runId})`;
}

function idRange(ids: Map<number, string>): string {
  const numbers = [...ids.values()].map(Number);
  if (numbers.some(Number.isNaN)) return [...ids.values()].slice(0, 3).join(', ') + ', ...';
  return `${Math.min(...numbers)} to ${Math.max(...numbers)}`;
}
