/** The tables and batch of one biased-MF objective, as flat arrays. */
export interface BiasedMfArrays {
  users: ArrayLike<number>;
  items: ArrayLike<number>;
  targets: ArrayLike<number>;
  /** [numUsers x factors] */
  userFactors: ArrayLike<number>;
  /** [numItems x factors] */
  itemFactors: ArrayLike<number>;
  userBias: ArrayLike<number>;
  itemBias: ArrayLike<number>;
  offset: number;
  factors: number;
  /** Per-rating L2 weight on the factor and bias rows the batch uses. */
  l2: number;
}

/** Where the gradients go, each zeroed by the caller and shaped as its table. */
export interface BiasedMfGradients {
  userFactors: Float32Array;
  itemFactors: Float32Array;
  userBias: Float32Array;
  itemBias: Float32Array;
  /** One entry: the offset's gradient. */
  offset: Float32Array;
}

/**
 * The MF training objective for one batch, with n ratings:
 *   mse       = (1/n) sum_k (p_u . q_i + b_u + b_i + mu - t_k)^2
 *   objective = mse + (l2/n) sum_k (|p_u|^2 + |q_i|^2 + b_u^2 + b_i^2)
 * the same numbers the layered model and `rowPenalty` compute, summed in double precision.
 */
export function biasedMfObjective(a: BiasedMfArrays): { objective: number; mse: number } {
  const n = a.users.length;
  if (n === 0) return { objective: 0, mse: 0 };

  let squared = 0;
  let norms = 0;
  for (let k = 0; k < n; k++) {
    const u = a.users[k];
    const i = a.items[k];
    const error = predict(a, u, i) - a.targets[k];
    squared += error * error;
    norms += rowNorm(a.userFactors, u, a.factors) + rowNorm(a.itemFactors, i, a.factors)
      + a.userBias[u] ** 2 + a.itemBias[i] ** 2;
  }
  return { objective: (squared + a.l2 * norms) / n, mse: squared / n };
}

/**
 * Adds the gradients of `objective` times `dy` with respect to the four tables and the
 * offset into `grads`, dense: each rating adds (2/n) dy (e q_i + l2 p_u) to row u of the user
 * factors, and alike for the others, which is what the gathers' gradients (segment sums) add
 * up to.
 */
export function biasedMfGradients(a: BiasedMfArrays, dy: number, grads: BiasedMfGradients): void {
  const n = a.users.length;
  if (n === 0) return;

  const f = a.factors;
  const scale = (2 * dy) / n;
  const decay = scale * a.l2;
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const u = a.users[k];
    const i = a.items[k];
    const error = scale * (predict(a, u, i) - a.targets[k]);
    offset += error;
    grads.userBias[u] += error + decay * a.userBias[u];
    grads.itemBias[i] += error + decay * a.itemBias[i];

    const pu = u * f;
    const qi = i * f;
    for (let c = 0; c < f; c++) {
      const p = a.userFactors[pu + c];
      const q = a.itemFactors[qi + c];
      grads.userFactors[pu + c] += error * q + decay * p;
      grads.itemFactors[qi + c] += error * p + decay * q;
    }
  }
  grads.offset[0] += offset;
}

function predict(a: BiasedMfArrays, u: number, i: number): number {
  let dot = 0;
  const pu = u * a.factors;
  const qi = i * a.factors;
  for (let c = 0; c < a.factors; c++) dot += a.userFactors[pu + c] * a.itemFactors[qi + c];
  return dot + a.userBias[u] + a.itemBias[i] + a.offset;
}

function rowNorm(table: ArrayLike<number>, row: number, width: number): number {
  let sum = 0;
  for (let c = row * width; c < (row + 1) * width; c++) sum += table[c] * table[c];
  return sum;
}
