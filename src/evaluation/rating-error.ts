/** Rating-error metrics on the original rating scale. */
export interface RatingError {
  mse: number;
  rmse: number;
  mae: number;
}

/** MSE, RMSE and MAE of predictions against actual ratings, pair by pair. */
export function ratingError(actual: ArrayLike<number>, predicted: ArrayLike<number>): RatingError {
  if (actual.length !== predicted.length) {
    throw new Error(`ratingError: ${actual.length} ratings but ${predicted.length} predictions`);
  }
  if (actual.length === 0) throw new Error('ratingError: no ratings to compare');

  let squared = 0;
  let absolute = 0;
  for (let index = 0; index < actual.length; index++) {
    const error = predicted[index] - actual[index];
    squared += error * error;
    absolute += Math.abs(error);
  }

  const mse = squared / actual.length;
  return { mse, rmse: Math.sqrt(mse), mae: absolute / actual.length };
}
