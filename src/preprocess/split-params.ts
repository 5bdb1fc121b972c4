import { z } from 'zod';

/** Parameters every split stage takes. */
export const splitParams = {
  /** Share of each user's training ratings carved out for validation (early stopping). */
  validationFraction: z.number().min(0).max(0.5).default(0.1),
  /** Seed of the random parts; the run's --seed when left out. */
  seed: z.number().int().nonnegative().optional(),
};
