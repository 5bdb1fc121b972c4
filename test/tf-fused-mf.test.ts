import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildMfModel } from '../src/models/mf-model.ts';
import { trainModel } from '../src/models/train-model.ts';
import { initBackend } from '../src/tf/backend.ts';
import { BIASED_MF_OBJECTIVE, biasedMfKernels } from '../src/tf/biased-mf-kernels.ts';
import { biasedMfGradients, biasedMfObjective } from '../src/tf/biased-mf-math.ts';
import { useFastWasmKernels } from '../src/tf/fast-wasm-kernels.ts';
import { tf } from '../src/tf/tf.ts';
import { plantedRatings } from './models-fixture.ts';

/** Two users, two items, two factors: small enough to work out by hand. */
const tiny = {
  users: [0, 1, 1],
  items: [1, 0, 1],
  targets: [0.5, 1, 0],
  userFactors: [1, 0, 0.5, 2],
  itemFactors: [3, 1, -1, 1],
  userBias: [0.1, -0.2],
  itemBias: [0, 0.3],
  offset: 0.5,
  factors: 2,
  l2: 0.1,
};

test('the objective and its gradients match values worked out by hand', () => {
  // Predictions: u0.i1 = -1 + 0.1 + 0.3 + 0.5 = -0.1; u1.i0 = 3.5 - 0.2 + 0 + 0.5 = 3.8;
  // u1.i1 = 1.5 - 0.2 + 0.3 + 0.5 = 2.1. Errors -0.6, 2.8, 2.1.
  const squared = 0.36 + 7.84 + 4.41;
  // Row norms: (1 + 0.01) + (2 + 0.09), (4.25 + 0.04) + (10 + 0), (4.25 + 0.04) + (2 + 0.09).
  const norms = 3.1 + 14.29 + 6.38;
  const { objective, mse } = biasedMfObjective(tiny);
  assert.ok(Math.abs(mse - squared / 3) < 1e-12);
  assert.ok(Math.abs(objective - (squared + 0.1 * norms) / 3) < 1e-12);

  // d/dp_u1 = (2/3)(2.8 q_0 + 2.1 q_1) + (2/3)(0.1)(2 p_1), with dy = 1.
  const grads = zeroGradients(2, 2, 2);
  biasedMfGradients(tiny, 1, grads);
  const expected = [
    (2 / 3) * (2.8 * 3 + 2.1 * -1) + (2 / 3) * 0.1 * 2 * 0.5,
    (2 / 3) * (2.8 * 1 + 2.1 * 1) + (2 / 3) * 0.1 * 2 * 2,
  ];
  assert.ok(Math.abs(grads.userFactors[2] - expected[0]) < 1e-5);
  assert.ok(Math.abs(grads.userFactors[3] - expected[1]) < 1e-5);
  assert.ok(Math.abs(grads.offset[0] - (2 / 3) * (-0.6 + 2.8 + 2.1)) < 1e-6);
  // Item 0 is used once, by user 1: (2/3)(2.8) + (2/3)(0.1)(0).
  assert.ok(Math.abs(grads.itemBias[0] - (2 / 3) * 2.8) < 1e-6);
});

test('an empty batch has zero objective and zero gradients', () => {
  const empty = { ...tiny, users: [], items: [], targets: [] };
  assert.equal(biasedMfObjective(empty), { objective: 0, mse: 0 });
  const grads = zeroGradients(2, 2, 2);
  biasedMfGradients(empty, 1, grads);
  assert.ok(grads.userFactors.every((g) => g === 0));
});

function zeroGradients(numUsers: number, numItems: number, factors: number) {
  return {
    userFactors: new Float32Array(numUsers * factors),
    itemFactors: new Float32Array(numItems * factors),
    userBias: new Float32Array(numUsers),
    itemBias: new Float32Array(numItems),
    offset: new Float32Array(1),
  };
}

/** Gradients of MSE + penalty for one batch, by the fused kernels or by tfjs's autodiff. */
function gradientsOf(fused: boolean): Float32Array[] {
  const planted = plantedRatings(20, 15, 5);
  const built = buildMfModel({
    numUsers: 20, numItems: 15, factors: 4, l2: 0.05, globalMean: 0.55, seed: 9,
  });
  const variables = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { users, items, scaled } = planted.data.train;

  const grads = tf.tidy(() => {
    const u = tf.tensor2d(users, [users.length, 1], 'int32');
    const i = tf.tensor2d(items, [items.length, 1], 'int32');
    const t = tf.tensor2d(scaled, [scaled.length, 1]);
    const { grads } = tf.variableGrads(() => {
      if (fused) return built.fusedObjective!(u, i, t).objective;
      const output = built.model.apply([u, i]) as tf.Tensor;
      return tf.add(tf.losses.meanSquaredError(t, output), built.penalty!(u, i)) as tf.Scalar;
    }, variables);
    return variables.map((v) => grads[v.name].dataSync() as Float32Array);
  });
  built.model.dispose();
  return grads;
}

for (const backend of ['wasm', 'cpu']) {
  test(`on ${backend}, fused gradients equal tfjs's autodiff of the layered model`, async () => {
    await initBackend('wasm');
    await tf.setBackend(backend);
    // cpu is the tests' reference backend: only the kernels under test are added to it.
    if (backend === 'cpu' && !tf.getKernel(BIASED_MF_OBJECTIVE, 'cpu')) {
      biasedMfKernels('cpu').forEach((kernel) => tf.registerKernel(kernel));
    }
    const fused = gradientsOf(true);
    const plain = gradientsOf(false);

    assert.is(fused.length, 5);
    fused.forEach((grad, v) => {
      assert.is(grad.length, plain[v].length);
      for (let k = 0; k < grad.length; k++) {
        assert.ok(Math.abs(grad[k] - plain[v][k]) <= 1e-6 + 1e-5 * Math.abs(plain[v][k]),
          `variable ${v}, entry ${k}: fused ${grad[k]}, layered ${plain[v][k]}`);
      }
    });
    assert.ok(fused[0].some((g) => g !== 0), 'the user factors get a gradient');
  });
}

test('MF trained with the fused objective ends where the layered model ends', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const planted = plantedRatings();
  const train = async (fused: boolean) => {
    const built = buildMfModel({
      numUsers: 50, numItems: 40, factors: 8, l2: 0.03, globalMean: 0.55, seed: 4,
    });
    if (!fused) delete built.fusedObjective;
    const result = await trainModel(built, planted.data.train, planted.data.validation, {
      epochs: 6, batchSize: 64, learningRate: 0.01, learningRateDecay: 1, patience: 6, seed: 2,
      ratingScale: planted.data.ratingScale,
    });
    const weights = built.model.getWeights().map((w) => w.dataSync() as Float32Array);
    built.model.dispose();
    return { result, weights };
  };

  const fused = await train(true);
  const plain = await train(false);
  assert.is(fused.result.bestEpoch, plain.result.bestEpoch);
  fused.result.history.forEach((epoch, k) => {
    assert.ok(Math.abs(epoch.loss - plain.result.history[k].loss) < 1e-5);
    assert.ok(Math.abs(epoch.valRmse - plain.result.history[k].valRmse) < 1e-4);
  });
  let largest = 0;
  fused.weights.forEach((weights, w) => weights.forEach((value, k) => {
    const reference = plain.weights[w][k];
    largest = Math.max(largest, Math.abs(value - reference) / Math.max(1, Math.abs(reference)));
  }));
  assert.ok(largest < 1e-4, `largest relative weight difference ${largest}`);
});

test('with the stock wasm kernels MF is built without the fused objective', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  useFastWasmKernels(false);
  const options = { numUsers: 3, numItems: 3, factors: 2, l2: 0, globalMean: 0.5, seed: 1 };
  const stock = buildMfModel(options);
  useFastWasmKernels(true);
  const fast = buildMfModel(options);

  assert.is(stock.fusedObjective, undefined);
  assert.type(fast.fusedObjective, 'function');
  stock.model.dispose();
  fast.model.dispose();
});

test('an index outside the tables fails as a gather would, naming the index', async () => {
  await initBackend('wasm');
  await tf.setBackend('wasm');
  const built = buildMfModel({
    numUsers: 3, numItems: 3, factors: 2, l2: 0, globalMean: 0.5, seed: 1,
  });
  assert.throws(() => tf.tidy(() => built.fusedObjective!(
    tf.tensor2d([0, 7], [2, 1], 'int32'), tf.tensor2d([1, 2], [2, 1], 'int32'),
    tf.tensor2d([0.5, 0.5], [2, 1]),
  )), /user index 7 is not in \[0, 2\]/);
  built.model.dispose();
});

test.run();
