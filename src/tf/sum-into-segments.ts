/**
 * Adds row k of `values` (rows of `width`) into row ids[k] of `sums`, which the caller has
 * zeroed. Rows whose id is out of range are dropped, as TensorFlow does.
 */
export function sumIntoSegments(
  values: ArrayLike<number>,
  ids: ArrayLike<number>,
  sums: { [index: number]: number },
  width: number,
  numSegments: number,
): void {
  for (let row = 0; row < ids.length; row++) {
    const segment = ids[row];
    if (segment < 0 || segment >= numSegments) continue;

    const from = row * width;
    const to = segment * width;
    for (let k = 0; k < width; k++) sums[to + k] += values[from + k];
  }
}
