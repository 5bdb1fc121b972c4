import type { TitleStats } from './title-stats.ts';

export interface BestRatedOptions {
  /** Length of each list. */
  count: number;
  /** Fewest ratings a title needs to enter the thresholded list. */
  minRatings: number;
  /** Weight of the prior in the damped mean, in pseudo-ratings at the global mean. */
  priorWeight: number;
}

export interface DampedTitleStats extends TitleStats {
  /** (priorWeight x priorMean + sum of ratings) / (priorWeight + ratings) */
  dampedMean: number;
}

export interface BestRatedTitles {
  /** Highest plain mean first: titles with a single top vote lead this list. */
  raw: DampedTitleStats[];
  /** Highest plain mean among titles with at least minRatings ratings. */
  thresholded: DampedTitleStats[];
  /** Highest damped (Bayesian) mean: few votes pull a title towards the global mean. */
  damped: DampedTitleStats[];
  minRatings: number;
  priorWeight: number;
  /** The global mean rating, the value the prior pulls towards. */
  priorMean: number;
}

export function bestRatedTitles(stats: TitleStats[], options: BestRatedOptions): BestRatedTitles {
  const priorMean = globalMean(stats);
  const withDamped = stats.map((title) => ({
    ...title,
    dampedMean: dampedMean(title, priorMean, options.priorWeight),
  }));

  const byMean = (a: DampedTitleStats, b: DampedTitleStats) =>
    b.meanRating - a.meanRating || b.ratings - a.ratings || a.title.localeCompare(b.title);
  const byDamped = (a: DampedTitleStats, b: DampedTitleStats) =>
    b.dampedMean - a.dampedMean || b.ratings - a.ratings || a.title.localeCompare(b.title);

  return {
    raw: [...withDamped].sort(byMean).slice(0, options.count),
    thresholded: withDamped
      .filter((title) => title.ratings >= options.minRatings)
      .sort(byMean)
      .slice(0, options.count),
    damped: [...withDamped].sort(byDamped).slice(0, options.count),
    minRatings: options.minRatings,
    priorWeight: options.priorWeight,
    priorMean,
  };
}

export function dampedMean(title: TitleStats, priorMean: number, priorWeight: number): number {
  const sum = title.meanRating * title.ratings;
  return (priorWeight * priorMean + sum) / (priorWeight + title.ratings);
}

/** Mean over every rating (not the mean of title means). */
function globalMean(stats: TitleStats[]): number {
  let sum = 0;
  let count = 0;
  for (const title of stats) {
    sum += title.meanRating * title.ratings;
    count += title.ratings;
  }
  return count === 0 ? Number.NaN : sum / count;
}
