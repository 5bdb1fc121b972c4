/** The first index outside [0, size), or undefined when every one is inside. */
export function firstOutOfRange(indices: ArrayLike<number>, size: number): number | undefined {
  for (let k = 0; k < indices.length; k++) {
    if (indices[k] < 0 || indices[k] >= size) return indices[k];
  }
  return undefined;
}
