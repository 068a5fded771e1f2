// Top Rated, week by week: the JSS part (≥ 90% in 13 of the last 16 weeks) and the earnings
// part ($1,000 in 12 months; $10,000 for Top Rated Plus). The profile, account and activity
// conditions are not visible to the bot and are listed as such, never guessed.

import type { ModelOptions } from './params.ts';
import type { Contract, Observation } from './types.ts';

export interface TopRatedWeek {
  date: string;
  score: number | null;
  source: 'estimate' | 'recorded';
}

export interface TopRatedStatus {
  /** The last 16 weekly dates, oldest first (as-of minus 105, 98, … 0 days). */
  weeks: TopRatedWeek[];
  weeksAtLeast90: number;
  earnings12m: number;
  /** The first day with 13 of 16 weeks at ≥ 90% if nothing new happens; null when not reached. */
  eligibleOn: string | null;
  topRatedPlusEarningsMet: boolean;
  unseenConditions: string[];
  plan?: unknown;
}

export function topRatedStatus(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  asOf: string,
  options: ModelOptions = {},
): TopRatedStatus {
  void contracts;
  void observations;
  void asOf;
  void options;
  throw new Error('not implemented yet');
}
