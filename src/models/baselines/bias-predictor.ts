import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '../model-config.ts';
import type { Predictor } from '../predictor.ts';
import type { BiasParameters } from './fit-bias.ts';

/** The parameters file of a `bias` model artifact, next to model-config.json. */
export const BIAS_PARAMS_FILE = 'bias.json';

interface BiasParamsFile {
  globalMean: number;
  userBias: number[];
  itemBias: number[];
}

/** Scores pairs as globalMean + userBias + itemBias, clipped to the rating scale. */
export function createBiasPredictor(config: ModelConfig, params: BiasParameters): Predictor {
  const { min, max } = config.ratingScale;
  const { globalMean, userBias, itemBias } = params;

  return {
    config,
    async predict(users, items) {
      const scores = new Float32Array(users.length);
      for (let pair = 0; pair < users.length; pair++) {
        // Indices past the fitted ranges are unseen: their bias is 0.
        const raw = globalMean + (userBias[users[pair]] ?? 0) + (itemBias[items[pair]] ?? 0);
        scores[pair] = Math.min(max, Math.max(min, raw));
      }
      return scores;
    },
    dispose() {},
  };
}

export async function saveBiasModel(
  dir: string,
  config: ModelConfig,
  params: BiasParameters,
): Promise<void> {
  const file: BiasParamsFile = {
    globalMean: params.globalMean,
    userBias: Array.from(params.userBias),
    itemBias: Array.from(params.itemBias),
  };
  await writeFile(join(dir, 'model-config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await writeFile(join(dir, BIAS_PARAMS_FILE), JSON.stringify(file));
}

/** The `bias` entry of the loader registry. */
export async function loadBiasPredictor(dir: string, config: ModelConfig): Promise<Predictor> {
  const file = JSON.parse(await readFile(join(dir, BIAS_PARAMS_FILE), 'utf8')) as BiasParamsFile;
  return createBiasPredictor(config, {
    globalMean: file.globalMean,
    userBias: Float64Array.from(file.userBias),
    itemBias: Float64Array.from(file.itemBias),
  });
}
