/** A batch of `rows` rows of `columns` features, row-major, normalised per feature. */
export interface BatchShape {
  rows: number;
  columns: number;
}

/**
 * Batch normalisation in training, one pass for the means, one for the variances, one for
 * the output: y = (x - mean) (gamma / sqrt(variance + epsilon)) + beta, with the
 * population variance (divided by rows) that tfjs's moments give. Sums are kept in float64,
 * one accumulator per feature, so the statistics do not depend on the order of the rows.
 */
export function batchNormForward(
  { rows, columns }: BatchShape,
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  epsilon: number,
  out: { y: Float32Array; mean: Float32Array; variance: Float32Array; invStd: Float32Array },
): void {
  const mean = columnSums(x, rows, columns);
  for (let c = 0; c < columns; c++) mean[c] /= rows;

  const squares = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) {
      const d = x[row + c] - mean[c];
      squares[c] += d * d;
    }
  }

  const scale = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const variance = squares[c] / rows;
    const invStd = 1 / Math.sqrt(variance + epsilon);
    out.mean[c] = mean[c];
    out.variance[c] = variance;
    out.invStd[c] = invStd;
    scale[c] = gamma[c] * invStd;
  }

  // The deviation first: x scale + (beta - mean scale) would lose a small spread around a
  // large mean to cancellation.
  const { y } = out;
  for (let r = 0; r < rows; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) y[row + c] = (x[row + c] - mean[c]) * scale[c] + beta[c];
  }
}

/**
 * The gradients of `batchNormForward` given dy, in closed form: with xhat = (x - mean)
 * invStd, dbeta = sum(dy), dgamma = sum(dy xhat), and
 * dx = gamma invStd / rows (rows dy - dbeta - xhat dgamma),
 * which includes what flows back through the batch's mean and variance.
 */
export function batchNormBackward(
  { rows, columns }: BatchShape,
  dy: Float32Array,
  x: Float32Array,
  gamma: Float32Array,
  mean: Float32Array,
  invStd: Float32Array,
  out: { dx: Float32Array; dgamma: Float32Array; dbeta: Float32Array },
): void {
  const dbeta = columnSums(dy, rows, columns);
  const dgamma = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) {
      dgamma[c] += dy[row + c] * (x[row + c] - mean[c]) * invStd[c];
    }
  }

  // dx = a dy + b (x - mean) + k, per feature.
  const a = new Float64Array(columns);
  const b = new Float64Array(columns);
  const k = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const factor = gamma[c] * invStd[c] / rows;
    a[c] = factor * rows;
    b[c] = -factor * dgamma[c] * invStd[c];
    k[c] = -factor * dbeta[c];
    out.dgamma[c] = dgamma[c];
    out.dbeta[c] = dbeta[c];
  }

  const { dx } = out;
  for (let r = 0; r < rows; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) {
      dx[row + c] = a[c] * dy[row + c] + b[c] * (x[row + c] - mean[c]) + k[c];
    }
  }
}

function columnSums(values: Float32Array, rows: number, columns: number): Float64Array {
  const sums = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const row = r * columns;
    for (let c = 0; c < columns; c++) sums[c] += values[row + c];
  }
  return sums;
}
