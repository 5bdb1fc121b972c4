/** The scale the relevance threshold is stated on: MovieLens 100K's 1 to 5 stars. */
export const REFERENCE_SCALE = { min: 1, max: 5 } as const;

/**
 * Maps a threshold stated on the 1-5 reference scale linearly onto another rating scale:
 * 4 of 1-5 is 75% of the way up, so it becomes 3.875 on 0.5-5 and 7.75 on 1-10. A rating
 * is relevant when it is at least the mapped threshold.
 */
export function relevanceThreshold(
  threshold: number,
  scale: { min: number; max: number },
): number {
  const fraction = (threshold - REFERENCE_SCALE.min) / (REFERENCE_SCALE.max - REFERENCE_SCALE.min);
  return scale.min + fraction * (scale.max - scale.min);
}
