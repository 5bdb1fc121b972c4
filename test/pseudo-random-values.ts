/**
 * Deterministic values in [-1, 1) from a small linear congruential generator, so that a
 * kernel test that fails reproduces with the same numbers.
 */
export function pseudoRandomValues(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = state / 1073741824 - 1;
  }
  return out;
}
