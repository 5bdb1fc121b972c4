import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSettings } from '../core/stage.ts';
import type { ModelConfig } from '../models/model-config.ts';

/**
 * Starts a tfjs backend before a tfjs model is loaded: `evaluate` may run in a fresh worker
 * thread, and `recommend` in a fresh process. Trained models record the backend they were
 * trained on; the baselines record none and need no tfjs at all, so it is not even imported.
 * Returns the backend's name, or undefined when none was needed.
 */
export async function backendForModel(
  modelDir: string,
  preference: RunSettings['backend'],
): Promise<string | undefined> {
  const config = JSON.parse(await readFile(join(modelDir, 'model-config.json'), 'utf8')) as
    ModelConfig;
  if (config.backend === undefined) return undefined;

  const { initBackend } = await import('../tf/backend.ts');
  return (await initBackend(preference)).name;
}
