import { access, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ArtifactKind } from '../core/stage.ts';
import type { EntryManifest } from '../runtime/entry-manifest.ts';
import type { RunResults } from '../runtime/run-pipeline.ts';

/** A saved model and the artifacts it was made from, found in the store. */
export interface LocatedModel {
  modelDir: string;
  /** The pipeline node that trained it, when found through a run. */
  node?: string;
  runId?: string;
  /** The prepared split it was trained on and the data set behind it, when recorded. */
  preparedDir?: string;
  datasetDir?: string;
}

/** Which trainer's model `recommend` picks when no --model is given, best first. */
const PREFERRED_TRAINERS = ['train-hybrid', 'train-dnn', 'train-mf', 'train-bias', 'train-popular'];

export class ModelNotFoundError extends Error {
  override name = 'ModelNotFoundError';
}

/**
 * Finds a model: `model` may be a model directory, or a node id such as `train-mf[u1]`
 * looked up in the newest run of `pipeline` that finished or reused it; without `model`,
 * that run's best trainer (hybrid, then DNN, MF, bias, popular; first split by name).
 */
export async function locateModel(options: {
  artifacts: string;
  pipeline: string;
  model?: string;
}): Promise<LocatedModel> {
  const { artifacts, pipeline, model } = options;
  if (model !== undefined && (await exists(join(model, 'model-config.json')))) {
    return { modelDir: model, ...(await sources(model)) };
  }

  const runsDir = join(artifacts, 'runs');
  let newestTrainers: string[] | undefined;
  for (const runId of await runsNewestFirst(runsDir)) {
    const results = await readJson<RunResults>(join(runsDir, runId, 'results.json'));
    if (!results || results.pipeline !== pipeline) continue;
    newestTrainers ??= trainedNodes(results);

    const node = model ?? preferredNode(results);
    const entry = node === undefined ? undefined : results.nodes[node];
    if (!node || !entry || !['finished', 'cached'].includes(entry.status)) continue;

    const modelDir = join(artifacts, 'entries', entry.key, 'model');
    if (!(await exists(join(modelDir, 'model-config.json')))) continue;
    return { modelDir, node, runId, ...(await sources(modelDir)) };
  }

  const what = model === undefined ? 'no trained model' : `no trained model for node "${model}"`;
  // A misspelt node deserves the names that exist, not advice to train again.
  const hint = model !== undefined && newestTrainers?.length
    ? `its newest run has: ${newestTrainers.join(', ')}`
    : `train one with: recommender run ${pipeline} --data <dir>`;
  throw new ModelNotFoundError(
    `${what} in a run of pipeline "${pipeline}" under ${runsDir}; ${hint}`);
}

function trainedNodes(results: RunResults): string[] {
  return Object.entries(results.nodes)
    .filter(([, entry]) => entry.stage.startsWith('train-') &&
      ['finished', 'cached'].includes(entry.status))
    .map(([node]) => node)
    .sort((a, b) => a.localeCompare(b));
}

function preferredNode(results: RunResults): string | undefined {
  const rank = (node: string) => {
    const position = PREFERRED_TRAINERS.indexOf(results.nodes[node].stage);
    return position < 0 ? PREFERRED_TRAINERS.length : position;
  };
  // Sorting is stable: among equally preferred trainers, the first split by name.
  return trainedNodes(results).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Walks the store manifests back from a model entry to the nearest `prepared` and
 * `dataset` outputs it was built from. A model directory outside the store has neither.
 */
async function sources(modelDir: string): Promise<Omit<LocatedModel, 'modelDir'>> {
  const entriesDir = dirname(dirname(modelDir));
  const found: Partial<Record<ArtifactKind, string>> = {};
  const queue = [basename(dirname(modelDir))];
  const visited = new Set<string>();

  while (queue.length > 0 && !(found.prepared && found.dataset)) {
    const key = queue.shift() as string;
    if (visited.has(key)) continue;
    visited.add(key);
    const manifest = await readJson<EntryManifest>(join(entriesDir, key, 'manifest.json'));
    for (const input of manifest?.inputs ?? []) {
      const [, ref] = input.split('=');
      const [inputKey, output] = ref.split('/');
      const inputManifest = await readJson<EntryManifest>(
        join(entriesDir, inputKey, 'manifest.json'));
      const kind = inputManifest?.outputs[output];
      if (kind && !found[kind]) found[kind] = join(entriesDir, inputKey, output);
      queue.push(inputKey);
    }
  }
  return { preparedDir: found.prepared, datasetDir: found.dataset };
}

async function runsNewestFirst(runsDir: string): Promise<string[]> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  // Run ids start with an ISO time stamp, so their names sort by time.
  return names.filter((name) => name !== 'latest' && !name.endsWith('.tmp')).sort().reverse();
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
