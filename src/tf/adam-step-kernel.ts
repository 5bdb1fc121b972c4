import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export const adamStepKernelName = 'AdamStep';

/** One Adam update's constants, each already rounded to float32 as tfjs's scalars are. */
export interface AdamStepAttrs {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** 1 - beta1^t and 1 - beta2^t: the bias corrections. */
  correction1: number;
  correction2: number;
  epsilon: number;
  negativeLearningRate: number;
}

interface Arrays {
  value: Float32Array;
  m: Float32Array;
  v: Float32Array;
  gradient: Float32Array;
}

const f = Math.fround;

/**
 * One Adam step for one variable in a single pass: new value, first and second moment.
 * tfjs's AdamOptimizer spends fourteen kernels on this, each a pass over the variable and,
 * on small tensors, mostly dispatch. The arithmetic is the same operations in the same order,
 * each rounded to float32, so the result equals tfjs's to the bit.
 */
export function adamStep(input: Arrays, out: Arrays, a: AdamStepAttrs): void {
  const { value, m, v, gradient } = input;
  for (let k = 0; k < value.length; k++) {
    const g = gradient[k];
    const m1 = f(f(m[k] * a.beta1) + f(g * a.oneMinusBeta1));
    const v1 = f(f(v[k] * a.beta2) + f(f(g * g) * a.oneMinusBeta2));
    const mHat = f(m1 / a.correction1);
    const vHat = f(v1 / a.correction2);
    const step = f(f(mHat / f(f(Math.sqrt(vHat)) + a.epsilon)) * a.negativeLearningRate);
    out.value[k] = f(step + value[k]);
    out.m[k] = m1;
    out.v[k] = v1;
  }
}

const names = ['value', 'm', 'v', 'gradient'] as const;

export const wasmAdamStep: KernelConfig = {
  kernelName: adamStepKernelName,
  backendName: 'wasm',
  kernelFunc: (({ inputs, attrs, backend }) => {
    const wasm = backend as BackendWasm;
    const shape = (inputs.value as TensorInfo).shape;
    const outputs = [0, 1, 2].map(() => wasm.makeOutput(shape, 'float32'));

    // Views last: making outputs may grow the heap and detach earlier views.
    const view = (t: TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
    const [value, m, v, gradient] = names.map((name) => view(inputs[name] as TensorInfo));
    const [outValue, outM, outV] = outputs.map(view);
    adamStep({ value, m, v, gradient }, { value: outValue, m: outM, v: outV, gradient },
      attrs as unknown as AdamStepAttrs);
    return outputs;
  }) as KernelFunc,
};

interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

export const cpuAdamStep: KernelConfig = {
  kernelName: adamStepKernelName,
  backendName: 'cpu',
  kernelFunc: (({ inputs, attrs, backend }) => {
    const cpu = backend as unknown as CpuBackend;
    const read = (t: TensorInfo) => cpu.data.get(t.dataId).values as Float32Array;
    const [value, m, v, gradient] = names.map((name) => read(inputs[name] as TensorInfo));
    const out = { value: new Float32Array(value.length), m: new Float32Array(value.length),
      v: new Float32Array(value.length), gradient };

    adamStep({ value, m, v, gradient }, out, attrs as unknown as AdamStepAttrs);
    const shape = (inputs.value as TensorInfo).shape;
    return [out.value, out.m, out.v].map((values) => cpu.makeTensorInfo(shape, 'float32', values));
  }) as KernelFunc,
};
