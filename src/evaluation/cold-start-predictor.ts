import type { Predictor } from '../models/predictor.ts';
import type { RatingTriples } from './rating-triples.ts';

/** Which users and items have at least one rating in the training part (1) or none (0). */
export interface KnownIndices {
  users: Uint8Array;
  items: Uint8Array;
}

export function knownIndices(train: RatingTriples, numUsers: number, numItems: number) {
  const known: KnownIndices = { users: new Uint8Array(numUsers), items: new Uint8Array(numItems) };
  for (const user of train.users) known.users[user] = 1;
  for (const item of train.items) known.items[item] = 1;
  return known;
}

export function isColdPair(known: KnownIndices, user: number, item: number): boolean {
  return known.users[user] !== 1 || known.items[item] !== 1;
}

/** How many of the given pairs have a user or an item without training ratings. */
export function countColdPairs(known: KnownIndices, pairs: RatingTriples): number {
  let cold = 0;
  for (let pair = 0; pair < pairs.users.length; pair++) {
    if (isColdPair(known, pairs.users[pair], pairs.items[pair])) cold++;
  }
  return cold;
}

/**
 * The cold-start policy: a pair whose user or item has no training rating is scored by the
 * fallback (the bias baseline), since the model never learnt anything for it; the model
 * scores every other pair. The model is only ever asked about warm pairs.
 */
export function withColdStartFallback(
  model: Predictor,
  fallback: Predictor,
  known: KnownIndices,
): Predictor {
  return {
    config: model.config,
    async predict(users, items) {
      const cold: number[] = [];
      for (let pair = 0; pair < users.length; pair++) {
        if (isColdPair(known, users[pair], items[pair])) cold.push(pair);
      }
      if (cold.length === 0) return model.predict(users, items);

      const warm = complement(cold, users.length);
      const scores = new Float32Array(users.length);
      await fill(scores, warm, model, users, items);
      await fill(scores, Int32Array.from(cold), fallback, users, items);
      return scores;
    },
    dispose() {
      model.dispose();
    },
  };
}

/** The pair positions not in `sorted` (ascending), in ascending order. */
function complement(sorted: number[], length: number): Int32Array {
  const rest = new Int32Array(length - sorted.length);
  let next = 0;
  let skip = 0;
  for (let pair = 0; pair < length; pair++) {
    if (sorted[skip] === pair) skip++;
    else rest[next++] = pair;
  }
  return rest;
}

async function fill(
  scores: Float32Array,
  positions: Int32Array,
  predictor: Predictor,
  users: Int32Array,
  items: Int32Array,
): Promise<void> {
  if (positions.length === 0) return;
  const subset = await predictor.predict(
    positions.map((pair) => users[pair]),
    positions.map((pair) => items[pair]),
  );
  positions.forEach((pair, position) => (scores[pair] = subset[position]));
}
