import { createBiasPredictor } from '../models/baselines/bias-predictor.ts';
import { BIAS_DEFAULTS, fitBias } from '../models/baselines/fit-bias.ts';
import type { Predictor } from '../models/predictor.ts';
import { catalogueProtocol } from './catalogue-protocol.ts';
import { countColdPairs, knownIndices, withColdStartFallback } from './cold-start-predictor.ts';
import type { PreparedSplit } from './prepared-split.ts';
import type { ProtocolName, ProtocolResult } from './protocol-result.ts';
import { groupByUser } from './ratings-by-user.ts';
import { ratingError } from './rating-error.ts';
import { concatTriples } from './rating-triples.ts';
import { relevanceThreshold } from './relevance-threshold.ts';
import { testItemsProtocol } from './test-items-protocol.ts';

/** The content of an evaluation's metrics.json. */
export interface EvaluationMetrics {
  split: string;
  /** The model's type ('mf', 'dnn', ...); in a results table, its label (`labelVariants`). */
  model: string;
  /** The trained model's settings, which tell several trainings of one type apart. */
  hyperParameters?: Record<string, unknown>;
  predictsRatings: boolean;
  testRatings: number;
  /** Test pairs whose user or item has no training rating. */
  coldStartPairs: number;
  /** 'bias-fallback' for rating models; ranking-only models score cold pairs themselves. */
  coldStartPolicy: 'bias-fallback' | 'model';
  /** The relevance threshold on the data's own scale, after mapping from 1-5. */
  relevantAtLeast: number;
  mse: number | null;
  rmse: number | null;
  mae: number | null;
  protocols: Record<ProtocolName, ProtocolResult>;
}

export interface EvaluateOptions {
  k: number;
  /** Relevance threshold stated on the 1-5 scale (see relevanceThreshold). */
  threshold: number;
  pairsPerBatch: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, unit: string): void;
}

/** Applies the cold-start policy: rating models fall back to the bias baseline. */
export function scorerWithPolicy(model: Predictor, split: PreparedSplit): Predictor {
  if (!model.config.predictsRatings) return model;

  const sizes = { numUsers: split.numUsers, numItems: split.numItems };
  const bias = createBiasPredictor(
    { ...model.config, type: 'bias', hyperParameters: { ...BIAS_DEFAULTS } },
    fitBias(split.train, { ...sizes, ...BIAS_DEFAULTS }),
  );
  return withColdStartFallback(model, bias, knownIndices(split.train, sizes.numUsers,
    sizes.numItems));
}

/** Rating error on the test ratings, then both ranking protocols. */
export async function evaluateModel(
  model: Predictor,
  split: PreparedSplit,
  options: EvaluateOptions,
): Promise<EvaluationMetrics> {
  const { test, numUsers, numItems } = split;
  const scorer = scorerWithPolicy(model, split);
  const relevantAtLeast = relevanceThreshold(options.threshold, split.ratingScale);
  const known = knownIndices(split.train, numUsers, numItems);

  const testScores = await scorer.predict(test.users, test.items);
  const error = model.config.predictsRatings ? ratingError(test.ratings, testScores) : null;
  const rankingOptions = { k: options.k, relevantAtLeast };
  const testItems = testItemsProtocol(test, testScores, { ...rankingOptions, numUsers });

  const catalogue = await catalogueProtocol({
    ...rankingOptions,
    predictor: scorer,
    numItems,
    seen: groupByUser(concatTriples([split.train, split.validation]), numUsers),
    test: groupByUser(test, numUsers),
    pairsPerBatch: options.pairsPerBatch,
    signal: options.signal,
    onBatch: (done, total) => options.onProgress?.(done, total, 'users'),
  });

  return {
    split: split.name,
    model: model.config.type,
    hyperParameters: model.config.hyperParameters,
    predictsRatings: model.config.predictsRatings,
    testRatings: test.ratings.length,
    coldStartPairs: countColdPairs(known, test),
    coldStartPolicy: model.config.predictsRatings ? 'bias-fallback' : 'model',
    relevantAtLeast,
    mse: error?.mse ?? null,
    rmse: error?.rmse ?? null,
    mae: error?.mae ?? null,
    protocols: { 'test-items': testItems, catalogue },
  };
}
