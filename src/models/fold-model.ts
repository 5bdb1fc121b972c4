import { tf } from '../tf/tf.ts';
import { FoldedMlp, type FoldedLayer } from './folded-mlp.ts';

/** Layer names of one model type's MLP, in the order its first layer concatenates them. */
interface TowerNames {
  inputs: { layer: string; side: 'user' | 'item' }[];
  head: string;
  offset?: string;
  factors?: [string, string];
}

const towers: Record<string, TowerNames> = {
  dnn: {
    inputs: [{ layer: 'user_embedding', side: 'user' }, { layer: 'item_embedding', side: 'item' }],
    head: 'rating',
  },
  hybrid: {
    inputs: [
      { layer: 'mlp_user', side: 'user' }, { layer: 'mlp_item', side: 'item' },
      { layer: 'user_side', side: 'user' }, { layer: 'item_side', side: 'item' },
    ],
    head: 'mlp_rating',
    offset: 'global_offset',
    factors: ['mf_user', 'mf_item'],
  },
};

/** True when `foldModel` can rearrange models of this type. */
export function canFold(type: string): boolean {
  return type in towers;
}

/**
 * Rearranges a trained DNN or hybrid (as dnn-model.ts and hybrid-model.ts build them) into a
 * FoldedMlp that predicts the same outputs. The model itself is left untouched.
 */
export function foldModel(model: tf.LayersModel, type: string): FoldedMlp {
  const names = towers[type];
  if (!names) throw new Error(`no folded form for model type "${type}"`);

  let folded: FoldedMlp | undefined;
  tf.tidy(() => {
    const first = denseWeights(model, 'dense_1');
    const { userFirst, itemFirst } = splitFirstLayer(model, names, first);
    const layers = foldLaterLayers(model, names.head);
    const parts = {
      userFirst, itemFirst, layers,
      userBias: optionalTable(model, 'user_bias'),
      itemBias: optionalTable(model, 'item_bias'),
      userFactors: names.factors && optionalTable(model, names.factors[0]),
      itemFactors: names.factors && optionalTable(model, names.factors[1]),
      offset: names.offset ? model.getLayer(names.offset).getWeights()[0].dataSync()[0] : 0,
    };
    keepAll(parts);
    folded = new FoldedMlp(parts);
  });
  return folded!;
}

/** The first layer's product, split by which side each block of its input rows reads. */
function splitFirstLayer(model: tf.LayersModel, names: TowerNames, first: FoldedLayer) {
  const sums: Partial<Record<'user' | 'item', tf.Tensor2D>> = {};
  let row = 0;
  for (const input of names.inputs) {
    const table = optionalTable(model, input.layer);
    if (!table) continue;

    const width = table.shape[1];
    const rows = first.kernel.slice([row, 0], [width, -1]) as tf.Tensor2D;
    const product = tf.matMul(table, rows);
    const sum = sums[input.side];
    sums[input.side] = sum ? tf.add(sum, product) as tf.Tensor2D : product as tf.Tensor2D;
    row += width;
  }
  if (row !== first.kernel.shape[0]) {
    throw new Error(`dense_1 reads ${first.kernel.shape[0]} inputs, the tables give ${row}`);
  }
  return { userFirst: sums.user!, itemFirst: tf.add(sums.item!, first.bias) as tf.Tensor2D };
}

/**
 * dense_2.., then the head, each with the batch norm before it folded in: a norm maps h to
 * h * scale + shift, so (h * scale + shift) W + b = h (scale W) + (shift W + b).
 */
function foldLaterLayers(model: tf.LayersModel, head: string): FoldedLayer[] {
  const layers: FoldedLayer[] = [];
  for (let index = 2; ; index++) {
    const name = hasLayer(model, `dense_${index}`) ? `dense_${index}` : head;
    const layer = denseWeights(model, name);
    const norm = normAffine(model, `norm_${index - 1}`);
    layers.push(norm ? foldNorm(layer, norm) : layer);
    if (name === head) return layers;
  }
}

function foldNorm(layer: FoldedLayer, norm: { scale: tf.Tensor1D; shift: tf.Tensor1D }) {
  const kernel = tf.mul(layer.kernel, norm.scale.expandDims(1)) as tf.Tensor2D;
  const bias = tf.add(layer.bias, tf.matMul(norm.shift.expandDims(0), layer.kernel).squeeze([0]));
  return { kernel, bias: bias as tf.Tensor1D };
}

/** Inference-mode batch norm as scale and shift: gamma / sqrt(var + eps), beta - mean x scale. */
function normAffine(model: tf.LayersModel, name: string) {
  if (!hasLayer(model, name)) return undefined;
  const layer = model.getLayer(name);
  const byName = new Map(layer.weights.map((w) => [w.originalName.split('/').pop(), w.read()]));
  const epsilon = (layer.getConfig().epsilon as number | undefined) ?? 1e-3;

  const units = (byName.get('moving_mean') as tf.Tensor).shape[0]!;
  const gamma = (byName.get('gamma') ?? tf.ones([units])) as tf.Tensor1D;
  const beta = (byName.get('beta') ?? tf.zeros([units])) as tf.Tensor1D;
  const variance = byName.get('moving_variance') as tf.Tensor1D;
  const scale = tf.div(gamma, tf.sqrt(tf.add(variance, epsilon))) as tf.Tensor1D;
  const shift = tf.sub(beta, tf.mul(byName.get('moving_mean') as tf.Tensor1D, scale));
  return { scale, shift: shift as tf.Tensor1D };
}

function denseWeights(model: tf.LayersModel, name: string): FoldedLayer {
  const [kernel, bias] = model.getLayer(name).getWeights().map((w) => w.clone());
  return { kernel: kernel as tf.Tensor2D, bias: bias as tf.Tensor1D };
}

function optionalTable(model: tf.LayersModel, name: string): tf.Tensor2D | undefined {
  if (!hasLayer(model, name)) return undefined;
  return model.getLayer(name).getWeights()[0].clone() as tf.Tensor2D;
}

function hasLayer(model: tf.LayersModel, name: string): boolean {
  return model.layers.some((layer) => layer.name === name);
}

/**
 * The weights were cloned (getWeights hands out the model's own variables), so the folded
 * form owns what it keeps and outlives the model; everything else the tidy frees.
 */
function keepAll(parts: Record<string, unknown>): void {
  for (const value of Object.values(parts)) {
    if (value instanceof tf.Tensor) tf.keep(value);
    if (!Array.isArray(value)) continue;
    for (const layer of value as FoldedLayer[]) {
      tf.keep(layer.kernel);
      tf.keep(layer.bias);
    }
  }
}
