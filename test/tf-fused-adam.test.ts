import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FusedAdamOptimizer } from '../src/models/fused-adam.ts';
import { initBackend } from '../src/tf/backend.ts';
import { useFastWasmKernels } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';
import { pseudoRandomValues as values } from './pseudo-random-values.ts';

/**
 * Twelve steps on variables of these shapes, fitting a target that changes with the step,
 * the step size halved after six as the trainer's decay does. Returns the final values.
 */
function trainedValues(optimizer: tf.Optimizer, shapes: number[][]): number[][] {
  const rate = optimizer as unknown as { learningRate: number };
  const sizes = shapes.map((shape) => shape.reduce((a, b) => a * b, 1));
  // Made in a tidy so that only the variables outlive their initial values.
  const variables = tf.tidy(() => shapes.map((shape, v) =>
    tf.variable(tf.tensor(values(sizes[v], v + 1), shape))));
  const targets = shapes.map((shape, v) => tf.tensor(values(sizes[v], v + 20), shape));

  for (let step = 0; step < 12; step++) {
    if (step === 6) rate.learningRate *= 0.5;
    optimizer.minimize(() => tf.addN(variables.map((variable, v) =>
      tf.mean(tf.square(tf.sub(tf.mul(variable, step % 3 + 1), targets[v]))))) as tf.Scalar,
    false, variables);
  }

  const result = variables.map((variable) => [...variable.dataSync()]);
  tf.dispose([...variables, ...targets]);
  optimizer.dispose();
  return result;
}

// Sizes that are whole vectors of four, shorter than one, and both.
const shapes = [[4, 3], [3], [7], [37, 5], [1]];

test('the one-kernel Adam ends bit for bit where tfjs\'s Adam ends, on wasm', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  useFastWasmKernels(true);
  const before = tf.memory().numTensors;

  const fused = trainedValues(new FusedAdamOptimizer(0.05), shapes);
  const stock = trainedValues(tf.train.adam(0.05), shapes);
  assert.is(tf.memory().numTensors, before, 'no tensor outlives the optimizers');

  fused.forEach((variable, v) => variable.forEach((value, k) => {
    assert.is(value, stock[v][k], `variable ${v}[${k}]: fused ${value}, tfjs ${stock[v][k]}`);
  }));
  // Twelve steps moved every variable: equality is not of two untouched copies.
  fused.forEach((variable, v) => {
    assert.ok(Math.abs(variable[0] - values(1, v + 1)[0]) > 0.05, `variable ${v} moved`);
  });
});

test('the kernel is one of the switchable fast wasm kernels, and not on cpu', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  assert.ok(tf.getKernel('RecommenderAdamUpdate', 'wasm'));
  useFastWasmKernels(false);
  assert.not.ok(tf.getKernel('RecommenderAdamUpdate', 'wasm'));
  useFastWasmKernels(true);
  await tf.setBackend('cpu');
  assert.not.ok(tf.getKernel('RecommenderAdamUpdate', 'cpu'));
  await tf.setBackend('wasm');
});

test.run();
