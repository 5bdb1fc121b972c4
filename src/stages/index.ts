import type { StageDefinition } from '../core/stage.ts';
import { ingestMovielens } from './ingest-movielens.ts';
import { pivotRatings } from './pivot-ratings.ts';
import { scaleFeatures } from './scale-features.ts';
import { splitKfold } from './split-kfold.ts';
import { splitLeaveNOut } from './split-leave-n-out.ts';
import { splitOfficial } from './split-official.ts';
import { evaluate } from './evaluate.ts';
import { explore } from './explore.ts';
import { trainBias } from './train-bias.ts';
import { trainPopular } from './train-popular.ts';
import { trainMf } from './train-mf.ts';
import { trainDnn } from './train-dnn.ts';
import { trainHybrid } from './train-hybrid.ts';
import { resultsReport } from './results-report.ts';

/** Every stage a pipeline can name in `uses:`, by its registry name. One import per stage. */
export const stages: Record<string, StageDefinition> = Object.fromEntries(
  ([
    ingestMovielens,
    splitOfficial,
    splitKfold,
    splitLeaveNOut,
    scaleFeatures,
    pivotRatings,
    trainBias,
    trainPopular,
    trainMf,
    trainDnn,
    trainHybrid,
    evaluate,
    resultsReport,
    explore,
  ] as StageDefinition[]).map((stage) => [stage.name, stage]),
);
