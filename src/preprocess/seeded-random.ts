/** A seeded generator of floats in [0, 1) (mulberry32): the same seed, the same sequence. */
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

/**
 * A seed for one purpose, from the root seed and the words naming that purpose (FNV-1a), so
 * that two stages, or two uses inside one stage, never share a random sequence by accident.
 */
export function deriveSeed(root: number, ...parts: Array<string | number>): number {
  let hash = 0x811c9dc5 ^ (root >>> 0);
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
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
