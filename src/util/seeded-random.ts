/**
 * A seeded generator of floats in [0, 1) (mulberry32). Splits and training draw from it
 * instead of Math.random, so two runs with the same seed make the same choices.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles in place (Fisher-Yates) and returns the array. */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
  values: T,
  random: () => number,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = values[i];
    values[i] = values[j];
    values[j] = held;
  }
  return values;
}

/**
 * A 32-bit seed for one purpose, from the root seed and the words naming that purpose
 * (FNV-1a), so that two stages, or two uses inside one stage, never share a random sequence
 * by accident, and adding one use does not shift the seeds of the others.
 */
export function deriveSeed(root: number, ...parts: Array<string | number>): number {
  const text = parts.join('\u0000');
  let hash = (0x811c9dc5 ^ root) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * `deriveSeed` kept to 31 bits. The models seed their layers with it: the trained weights
 * of a given run seed were fixed with these values, so they stay as they were.
 */
export function deriveSeed31(root: number, ...parts: Array<string | number>): number {
  return deriveSeed(root, ...parts) & 0x7fffffff;
}
