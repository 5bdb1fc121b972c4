import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { batchNormalization } from '../src/models/fused-batch-norm.ts';
import { initBackend } from '../src/tf/backend.ts';
import { batchNormKernels, hasBatchNormKernels } from '../src/tf/batch-norm-kernels.ts';
import { useFastWasmKernels } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

interface PassResult {
  y: Float32Array;
  dx: Float32Array;
  dgamma: Float32Array;
  dbeta: Float32Array;
  movingMean: Float32Array;
  movingVariance: Float32Array;
}

/**
 * One training pass of a batch-norm layer over a [rows, columns] batch with set gamma and
 * beta, and the gradients of sum(y w) for a fixed w (so every output matters differently).
 */
function trainingPass(layer: tf.layers.Layer, rows: number, columns: number): PassResult {
  if (!layer.built) layer.build([null, columns]);
  const initial = [
    tf.tensor1d(values(columns, 5).map((v) => 1 + v / 2)),
    tf.tensor1d(values(columns, 6)),
    tf.zeros([columns]),
    tf.ones([columns]),
  ];
  layer.setWeights(initial);
  tf.dispose(initial);
  // Columns with different means and spreads, as a dense layer's ReLU outputs have.
  const raw = values(rows * columns, 7).map((v, n) => 3 * (n % columns) + v * (1 + (n % 3)));
  const x = tf.tidy(() => tf.variable(tf.tensor2d(raw, [rows, columns]), true));
  const w = tf.tensor2d(values(rows * columns, 8), [rows, columns]);
  let y: tf.Tensor | undefined;

  const { value, grads } = tf.variableGrads(() => {
    y = tf.keep(layer.apply(x, { training: true }) as tf.Tensor);
    return tf.sum(tf.mul(y, w));
  }, [x, ...layer.trainableWeights.map((v) => v.read() as tf.Variable)]);
  const [gamma, beta] = layer.trainableWeights.map((v) => (v.read() as tf.Variable).name);
  const [, , movingMean, movingVariance] = layer.getWeights();

  const result = {
    y: y!.dataSync() as Float32Array,
    dx: grads[x.name].dataSync() as Float32Array,
    dgamma: grads[gamma].dataSync() as Float32Array,
    dbeta: grads[beta].dataSync() as Float32Array,
    movingMean: movingMean.dataSync() as Float32Array,
    movingVariance: movingVariance.dataSync() as Float32Array,
  };
  tf.dispose([value, x, w, y!, ...Object.values(grads)]);
  return result;
}

function close(actual: Float32Array, expected: Float32Array, what: string): void {
  assert.is(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (Math.abs(actual[i] - expected[i]) > 2e-5 * scale) {
      assert.unreachable(`${what}[${i}]: ${actual[i]} differs from tfjs's ${expected[i]}`);
    }
  }
}

function compare(fused: PassResult, stock: PassResult): void {
  for (const key of Object.keys(stock) as (keyof PassResult)[]) close(fused[key], stock[key], key);
}

/** The process's backend starts once; suites switch between wasm and cpu after that. */
async function onBackend(name: 'wasm' | 'cpu'): Promise<void> {
  await initBackend('wasm');
  await tf.setBackend(name);
}

const make = {
  fused: () => batchNormalization({ name: 'fused', momentum: 0.9 }),
  stock: () => tf.layers.batchNormalization({ name: 'stock', momentum: 0.9 }),
};

for (const [rows, columns, path] of [[64, 16, 'SIMD'], [37, 6, 'float64']] as const) {
  test(`wasm (${path} path): output, moving averages and gradients equal tfjs's`, async () => {
    await onBackend('wasm');
    assert.ok(hasBatchNormKernels());
    const layer = make.fused();
    compare(trainingPass(layer, rows, columns), trainingPass(make.stock(), rows, columns));

    // A training step leaves no tensor behind.
    const before = tf.memory().numTensors;
    trainingPass(layer, rows, columns);
    assert.is(tf.memory().numTensors, before);
  });
}

test('a small spread around a large mean keeps the precision of tfjs\'s layer', async () => {
  await onBackend('wasm');
  const [rows, columns] = [64, 8];
  const raw = values(rows * columns, 3).map((v) => 1e5 + v / 2);
  const x = tf.tensor2d(raw, [rows, columns]);

  // The float64 answer (gamma 1, beta 0), from the float32 inputs.
  const expected = new Float64Array(raw.length);
  for (let c = 0; c < columns; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += raw[r * columns + c] / rows;
    let variance = 0;
    for (let r = 0; r < rows; r++) variance += (raw[r * columns + c] - mean) ** 2 / rows;
    for (let r = 0; r < rows; r++) {
      expected[r * columns + c] = (raw[r * columns + c] - mean) / Math.sqrt(variance + 1e-3);
    }
  }
  const worst = (layer: tf.layers.Layer) => {
    const y = tf.tidy(() => (layer.apply(x, { training: true }) as tf.Tensor).dataSync());
    return Math.max(...y.map((value, k) => Math.abs(value - expected[k])));
  };

  const ours = worst(make.fused());
  const tfjs = worst(make.stock());
  assert.ok(ours <= 1.1 * tfjs, `error ${ours} against tfjs's ${tfjs}`);
  x.dispose();
});

test('cpu: the same kernels as plain loops equal tfjs\'s layer', async () => {
  await onBackend('cpu');
  // Registered by runs on cpu; elsewhere cpu is the other suites' tfjs reference.
  const kernels = batchNormKernels('cpu');
  kernels.forEach((kernel) => tf.registerKernel(kernel));
  try {
    assert.ok(hasBatchNormKernels());
    compare(trainingPass(make.fused(), 50, 12), trainingPass(make.stock(), 50, 12));
  } finally {
    kernels.forEach((kernel) => tf.unregisterKernel(kernel.kernelName, 'cpu'));
  }
});

test('without the kernels (tfjs-node, stock kernels) the layer is tfjs\'s own pass', async () => {
  await onBackend('wasm');
  useFastWasmKernels(false);
  try {
    assert.not.ok(hasBatchNormKernels());
    compare(trainingPass(make.fused(), 20, 8), trainingPass(make.stock(), 20, 8));
  } finally {
    useFastWasmKernels(true);
  }
});

test('inference uses the moving statistics, as tfjs\'s layer does', async () => {
  await onBackend('wasm');
  const layers = [make.fused(), make.stock()];
  const outputs = layers.map((layer) => {
    trainingPass(layer, 32, 8);
    const x = tf.tensor2d(values(4 * 8, 9), [4, 8]);
    return tf.tidy(() => (layer.apply(x, { training: false }) as tf.Tensor).dataSync());
  });
  close(outputs[0] as Float32Array, outputs[1] as Float32Array, 'inference');
});

test.run();
