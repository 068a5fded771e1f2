// The past 16 weeks beside the forecast: the estimate on each weekly date Top Rated looks at (from
// what was known that day) and the scores the member recorded in that span. Unlike the Top Rated
// weeks, recorded scores do not replace estimates here: the chart shows both, and drops the
// recorded ones when it is shared.

import { topRatedWeekDays } from './badges.ts';
import { formatDay, toDay } from './dates.ts';
import { estimateOn } from './history.ts';
import type { ModelOptions } from './params.ts';
import type { Contract, Observation } from './types.ts';

export interface PastScores {
  /** The last 16 weekly dates, oldest first, the last one the as-of date; null where there was no score. */
  weeks: { date: string; score: number | null }[];
  /** The member's recorded scores from the first weekly date to the as-of date, oldest first. */
  recorded: Observation[];
}

export function pastScores(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  asOf: string,
  options: ModelOptions = {},
): PastScores {
  const days = topRatedWeekDays(asOf);
  const first = days[0] as number;
  const last = toDay(asOf);
  const weeks = days.map((day) => {
    const date = formatDay(day);
    return { date, score: estimateOn(contracts, date, options) };
  });
  const recorded = observations
    .filter((observation) => toDay(observation.date) >= first && toDay(observation.date) <= last)
    .sort((a, b) => a.date.localeCompare(b.date));
  return { weeks, recorded };
}
