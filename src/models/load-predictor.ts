import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBiasPredictor } from './baselines/bias-predictor.ts';
import { loadPopularityPredictor } from './baselines/popularity-predictor.ts';
import type { ModelConfig } from './model-config.ts';
import type { Predictor } from './predictor.ts';
import { loadTfjsPredictor } from './tfjs-predictor.ts';

type PredictorLoader = (dir: string, config: ModelConfig) => Promise<Predictor>;

/** One loader per model type; each model family registers itself here with one line. */
const loaders: Record<string, PredictorLoader> = {
  bias: loadBiasPredictor,
  popular: loadPopularityPredictor,
  mf: loadTfjsPredictor,
  dnn: loadTfjsPredictor,
  hybrid: loadTfjsPredictor,
};

/** Loads any model artifact directory by the type recorded in its model-config.json. */
export async function loadPredictor(dir: string): Promise<Predictor> {
  const configPath = join(dir, 'model-config.json');
  const config = JSON.parse(await readFile(configPath, 'utf8')) as ModelConfig;

  const loader = loaders[config.type];
  if (!loader) {
    const known = Object.keys(loaders).join(', ');
    throw new Error(`${configPath}: unknown model type "${config.type}" (known: ${known})`);
  }
  return loader(dir, config);
}
