// Top Rated, week by week: the JSS part (≥ 90% in 13 of the last 16 weeks) and the earnings
// part ($1,000 in 12 months; $10,000 for Top Rated Plus). The profile, account and activity
// conditions are not visible to the bot and are listed as such, never guessed.

import { formatDay, subMonths, toDay, type Day } from './dates.ts';
import { displayedOn, newTotals } from './evaluate.ts';
import { estimateOn } from './history.ts';
import type { ModelOptions } from './params.ts';
import { planPrepared, type PlanReport } from './plan.ts';
import { earningsOf, prepareMember } from './prepare.ts';
import type { Contract, Observation } from './types.ts';

export const TOP_RATED_WEEKS = 16;
export const TOP_RATED_WEEKS_NEEDED = 13;
export const TOP_RATED_MIN_SCORE = 90;
export const TOP_RATED_EARNINGS = 1_000;
export const TOP_RATED_PLUS_EARNINGS = 10_000;
/** How far ahead the forecast looks for the first eligible week. */
export const LOOKAHEAD_WEEKS = 52;

/** What Upwork also checks and the bot cannot see. */
export const UNSEEN_CONDITIONS: readonly string[] = [
  'a complete profile (Upwork checks it; the bot cannot see it)',
  'an account in good standing: no holds, suspensions or policy flags',
  'recent activity on Upwork (Upwork asks for work in the past 90 days to 12 months; the bot does not guess which)',
];

export interface TopRatedWeek {
  date: string;
  score: number | null;
  source: 'estimate' | 'recorded';
}

export interface TopRatedStatus {
  /** The last 16 weekly dates, oldest first (as-of minus 105, 98, … 0 days). */
  weeks: TopRatedWeek[];
  weeksAtLeast90: number;
  /** USD paid in the 12 months up to the as-of date. */
  earnings12m: number;
  earningsMet: boolean;
  /** The first weekly date with 13 of 16 weeks at ≥ 90% and $1,000 in 12 months if nothing new happens; null when not within a year. */
  eligibleOn: string | null;
  /** Top Rated Plus: only its earnings part ($10,000 in 12 months) is checked. */
  topRatedPlusEarningsMet: boolean;
  unseenConditions: string[];
  /** When not eligible within a year: what it takes to reach 90% (the planner). */
  plan?: PlanReport;
}

/**
 * USD paid from `from` to `to` (both inclusive): listed payments by their dates; earnings beyond
 * the listed payments, or with no payment dates, on the last payment (the end, or `openPaidOn`
 * while open: the as-of date, as the forecast assumes).
 */
export function earningsBetween(contracts: readonly Contract[], from: Day, to: Day, openPaidOn: Day = to): number {
  let cents = 0;
  for (const contract of contracts) {
    let listed = 0;
    for (const payment of contract.payments ?? []) {
      const day = toDay(payment.date);
      listed += Math.round(payment.amount * 100);
      if (day >= from && day <= to) cents += Math.round(payment.amount * 100);
    }
    const rest = Math.round(earningsOf(contract) * 100) - listed;
    if (rest <= 0) continue;
    const last = contract.lastPayment ?? contract.end ?? null;
    const day = Math.min(last === null ? openPaidOn : toDay(last), to);
    if (day >= from && toDay(contract.start) <= to) cents += rest;
  }
  return cents / 100;
}

function earningsInYearTo(contracts: readonly Contract[], day: Day, asOf: Day): number {
  return earningsBetween(contracts, subMonths(day, 12) + 1, day, asOf);
}

/** The recorded score of the week ending on `day` (the latest in the 7 days up to it), if any. */
function recordedInWeek(observations: readonly Observation[], day: Day): number | null {
  let best: { day: Day; score: number } | null = null;
  for (const observation of observations) {
    const observed = toDay(observation.date);
    if (observed > day - 7 && observed <= day && (best === null || observed > best.day))
      best = { day: observed, score: observation.score };
  }
  return best === null ? null : best.score;
}

const atLeast90 = (score: number | null) => score !== null && score >= TOP_RATED_MIN_SCORE;

/** The last 16 weekly dates Top Rated looks at, oldest first: as-of minus 105, 98, … 0 days. */
export function topRatedWeekDays(asOf: string): Day[] {
  const asOfDay = toDay(asOf);
  return Array.from({ length: TOP_RATED_WEEKS }, (_, i) => asOfDay - 7 * (TOP_RATED_WEEKS - 1 - i));
}

export function topRatedStatus(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  asOf: string,
  options: ModelOptions = {},
): TopRatedStatus {
  const asOfDay = toDay(asOf);
  const weeks = topRatedWeekDays(asOf).map((day): TopRatedWeek => {
    const date = formatDay(day);
    const recorded = recordedInWeek(observations, day);
    return recorded !== null
      ? { date, score: recorded, source: 'recorded' }
      : { date, score: estimateOn(contracts, date, options), source: 'estimate' };
  });
  const weeksAtLeast90 = weeks.filter((week) => atLeast90(week.score)).length;
  const earnings12m = earningsInYearTo(contracts, asOfDay, asOfDay);
  const earningsMet = earnings12m >= TOP_RATED_EARNINGS;

  // Weeks ahead come from the forecast ("nothing new happens"); a window slides over past and future.
  const member = prepareMember(contracts, asOfDay, options);
  const totals = newTotals();
  const passes = weeks.map((week) => atLeast90(week.score));
  let eligibleOn: string | null = null;
  for (let ahead = 0; ahead <= LOOKAHEAD_WEEKS && eligibleOn === null; ahead++) {
    const day = asOfDay + 7 * ahead;
    if (ahead > 0) passes.push(atLeast90(displayedOn(member, day, totals).score));
    const last16 = passes.slice(-TOP_RATED_WEEKS).filter(Boolean).length;
    if (last16 >= TOP_RATED_WEEKS_NEEDED && earningsInYearTo(contracts, day, asOfDay) >= TOP_RATED_EARNINGS)
      eligibleOn = formatDay(day);
  }
  const status: TopRatedStatus = {
    weeks,
    weeksAtLeast90,
    earnings12m,
    earningsMet,
    eligibleOn,
    topRatedPlusEarningsMet: earnings12m >= TOP_RATED_PLUS_EARNINGS,
    unseenConditions: [...UNSEEN_CONDITIONS],
  };
  if (eligibleOn === null) status.plan = planPrepared(member, { target: TOP_RATED_MIN_SCORE });
  return status;
}
