import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tf } from '../tf/tf.ts';
import { InputError } from '../core/input-error.ts';

const topologyFile = 'model.json';
const weightsFile = 'weights.bin';

/**
 * tfjs in Node has no file:// handler without tfjs-node, so models are written through this
 * one: the standard layers format, model.json (topology and weights manifest) beside one
 * weights.bin, loadable by any tfjs `loadLayersModel` given the two files.
 */
export async function saveModelToDirectory(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version['tfjs-layers']}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [`./${weightsFile}`], weights: artifacts.weightSpecs }],
    };
    await writeFile(join(dir, topologyFile), JSON.stringify(modelJson));
    await writeFile(join(dir, weightsFile), new Uint8Array(weights));
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  }));
}

/** Loads what `saveModelToDirectory` wrote. Custom layers must be registered (imported). */
export async function loadModelFromDirectory(dir: string): Promise<tf.LayersModel> {
  const file = join(dir, topologyFile);
  const json = JSON.parse(await readFile(file, 'utf8')) as tf.io.ModelJSON;
  const manifest = json.weightsManifest?.[0];
  if (!json.modelTopology || !manifest) {
    throw new InputError({ file, expected: 'a tfjs layers model with one weights group' });
  }

  const bytes = await readFile(join(dir, weightsFile));
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: manifest.weights,
    weightData,
  }));
}
