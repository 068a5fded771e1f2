// The scoring core's public face: pure functions of (contracts, as-of date, model options).
// No I/O and no clock: callers pass the as-of date.

import { toDay, type Day } from './dates.ts';
import { displayedOfContracts } from './displayed.ts';
import { resolveModel } from './params.ts';
import { forecastPrepared, type ForecastReport } from './forecast.ts';
import type { ModelOptions } from './params.ts';
import { planPrepared, type PlanOptions, type PlanReport } from './plan.ts';
import { prepareMember, type PreparedMember } from './prepare.ts';
import { bandOf, displayedOn } from './evaluate.ts';
import { reportPrepared } from './score.ts';
import { tipsPrepared, type Tip } from './tips.ts';
import type { Contract, ScoreReport } from './types.ts';

export * from './types.ts';
export { MODEL_NAMES, DEFAULT_MODEL, PRESETS, resolveModel } from './params.ts';
export type { ModelName, ModelOptions, ModelParams, ResolvedModel, ValueTier, LapsedOutcome } from './params.ts';
export { scoreContracts } from './score.ts';
export { forecastContracts, FORECAST_MONTHS } from './forecast.ts';
export type { ForecastReport, ForecastChange, ForecastEvent, ForecastEventKind } from './forecast.ts';
export { planContracts, medianPaidEarnings, DEFAULT_TARGET, MAX_CONTRACTS, FALLBACK_EARNINGS } from './plan.ts';
export type { PlanOptions, PlanReport } from './plan.ts';
export { tipsFor, longTermContext } from './tips.ts';
export type { Tip, TipKind } from './tips.ts';
export { freezeAt } from './freeze.ts';
// Contracts prepared once (dates parsed, clients matched) for callers that score them more than
// once or on several days; the functions above and standingOf take one in place of the contracts.
export { prepareMember } from './prepare.ts';
export type { PreparedMember } from './prepare.ts';
export { standingOf, STANDING_HORIZON_MONTHS } from './standing.ts';
export type { Standing } from './standing.ts';
export { parseDay, formatDay, addMonths, subMonths, firstDayOutsideWindow } from './dates.ts';
export type { Day } from './dates.ts';
export { pickDisplayed, roundHalfUp, bandOf } from './evaluate.ts';
export { contractWeight, valueTierWeight } from './weights.ts';

/**
 * Only the displayed score, its window and band: what a leaderboard or a reminder needs, without
 * the report's reasons, per-contract rows and long-term clients.
 */
export function displayedScore(
  contracts: readonly Contract[] | PreparedMember,
  asOf: string | Day,
  options: ModelOptions = {},
): { score: number | null; window: ScoreReport['window']; band: ScoreReport['band'] } {
  const shown = Array.isArray(contracts)
    ? displayedOfContracts(
        contracts as readonly Contract[],
        typeof asOf === 'number' ? asOf : toDay(asOf),
        resolveModel(options),
      )
    : displayedOn(prepareMember(contracts, asOf, options), typeof asOf === 'number' ? asOf : toDay(asOf));
  return { score: shown.score, window: shown.source, band: shown.score === null ? null : bandOf(shown.score) };
}

/** The score report and the forecast, preparing the contracts once (what a score reply needs). */
export function scoreWithForecast(
  contracts: readonly Contract[] | PreparedMember,
  asOf: string | Day,
  options: ModelOptions = {},
): { score: ScoreReport; forecast: ForecastReport } {
  const member = prepareMember(contracts, asOf, options);
  return { score: reportPrepared(member), forecast: forecastPrepared(member) };
}

export interface Analysis {
  score: ScoreReport;
  forecast: ForecastReport;
  plan: PlanReport;
  tips: Tip[];
}

/** Everything at once, preparing the contracts a single time. */
export function analyze(
  contracts: readonly Contract[] | PreparedMember,
  asOf: string | Day,
  options: ModelOptions = {},
  plan: PlanOptions = {},
): Analysis {
  const member = prepareMember(contracts, asOf, options);
  const score = reportPrepared(member);
  const forecast = forecastPrepared(member);
  const planned = planPrepared(member, plan, forecast);
  // Tips speak of the default plan (90%); reuse this one only when it is that plan.
  const defaultPlan = plan.target === undefined && plan.earnings === undefined ? planned : undefined;
  return {
    score,
    forecast,
    plan: planned,
    tips: tipsPrepared(member, { report: score, forecast, ...(defaultPlan && { plan: defaultPlan }) }),
  };
}

export { contractsKnownOn, estimateOn } from './history.ts';
export { explainGap, explainCandidates, MAX_CHANGES, MAX_EXPLANATIONS } from './explain.ts';
export type { Explanation, ExplanationChange, ExplainResult, Candidate } from './explain.ts';
export {
  topRatedStatus,
  topRatedWeekDays,
  earningsBetween,
  TOP_RATED_WEEKS,
  TOP_RATED_WEEKS_NEEDED,
  TOP_RATED_MIN_SCORE,
  TOP_RATED_EARNINGS,
  TOP_RATED_PLUS_EARNINGS,
  UNSEEN_CONDITIONS,
} from './badges.ts';
export type { TopRatedStatus, TopRatedWeek } from './badges.ts';
export { pastScores } from './past.ts';
export type { PastScores } from './past.ts';
export { accuracyOf, accuracyByPreset } from './accuracy.ts';
export type { AccuracyFigures, MemberRecord } from './accuracy.ts';
export {
  findReminders,
  compareReminders,
  WARN_DAYS_AHEAD,
  LAST_CALL_DAYS_AHEAD,
  MAX_NAMED_CONTRACTS,
} from './reminders.ts';
export type { Reminder, ReminderKind } from './reminders.ts';
