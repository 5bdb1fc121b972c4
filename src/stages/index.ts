import type { StageDefinition } from '../core/stage.ts';
import { ingestMovielens } from './ingest-movielens.ts';

/** Every stage a pipeline can name in `uses:`, by its registry name. One import per stage. */
export const stages: Record<string, StageDefinition> = Object.fromEntries(
  ([
    ingestMovielens,
  ] as StageDefinition[]).map((stage) => [stage.name, stage]),
);
