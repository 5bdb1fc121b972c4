import type { StageDefinition } from '../core/stage.ts';

/** Every stage a pipeline can name in `uses:`, by its registry name. One import per stage. */
export const stages: Record<string, StageDefinition> = Object.fromEntries(
  ([] as StageDefinition[]).map((stage) => [stage.name, stage]),
);
