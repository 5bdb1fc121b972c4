import type { TitleStats } from './title-stats.ts';

/** The `count` titles with the most ratings (ties by title, so the order is stable). */
export function mostRatedTitles(stats: TitleStats[], count: number): TitleStats[] {
  return [...stats]
    .sort((a, b) => b.ratings - a.ratings || a.title.localeCompare(b.title))
    .slice(0, count);
}
