// The planner: how many new successful contracts (each from a new client, closed with top
// feedback today) lift the displayed score to a target, and whether waiting alone gets there.
// Adding a success never lowers a window's score, so the smallest count is a binary search.

import { formatDay, type Day } from './dates.ts';
import {
  addExtraSuccesses,
  computeRawTotals,
  displayedFromTotals,
  displayedOn,
  finishTotals,
  newTotals,
} from './evaluate.ts';
import { forecastPrepared, type ForecastReport } from './forecast.ts';
import type { ModelOptions, ModelName, ModelParams } from './params.ts';
import { earningsOf, prepareMember, type PreparedMember } from './prepare.ts';
import type { Contract } from './types.ts';
import { contractWeight } from './weights.ts';

export const DEFAULT_TARGET = 90;
/** Beyond this many contracts a target counts as out of reach. */
export const MAX_CONTRACTS = 10_000;
/** Earnings assumed for new contracts when the member has no paid contract (the smallest weight). */
export const FALLBACK_EARNINGS = 250;

export interface PlanOptions {
  target?: number;
  /** USD of each new contract; the member's median earnings when absent. */
  earnings?: number;
}

export interface PlanReport {
  asOf: string;
  model: ModelName;
  target: number;
  earnings: number;
  earningsSource: 'given' | 'median' | 'fallback';
  /** The weight each new contract would count with. */
  weight: number;
  score: number | null;
  /** New successful contracts needed; 0 when already there; null when out of reach. */
  contractsNeeded: number | null;
  /** The as-of date when already there; else the first forecast date with the target reached; else null. */
  reachedByWaitingOn: string | null;
  /** In plain words. */
  summary: string;
}

/** The median earnings of the paid contracts (what a "typical" new contract earns), or null. */
export function medianPaidEarnings(contracts: readonly Contract[]): number | null {
  const paid = contracts.map(earningsOf).filter((amount) => amount > 0);
  if (paid.length === 0) return null;
  paid.sort((a, b) => a - b);
  const middle = paid.length >> 1;
  const median =
    paid.length % 2 === 1 ? (paid[middle] as number) : ((paid[middle - 1] as number) + (paid[middle] as number)) / 2;
  return Math.round(median * 100) / 100;
}

/** A new contract's weight, or null when the model would leave it out ($0 with positive feedback). */
export function newSuccessWeight(earnings: number, day: Day, params: ModelParams): number | null {
  if (earnings === 0 && params.excludeZeroEarningsPositiveFeedback) return null;
  return contractWeight(earnings, day, earnings > 0 ? day : null, params);
}

/**
 * The search scores the member with 0 to MAX_CONTRACTS extra successes; the member's own
 * contracts are summed once (raw totals) and each count only adds its successes and finishes.
 */
function contractsNeeded(member: PreparedMember, target: number, weight: number): number | null {
  const raw = computeRawTotals(member, member.asOf, newTotals());
  const totals = newTotals();
  const params = member.model.params;
  const reaches = (count: number) => {
    totals.set(raw);
    addExtraSuccesses(totals, { count, weight });
    const shown = displayedFromTotals(finishTotals(totals, params.missingFeedbackMaxShare), params).score;
    return shown !== null && shown >= target;
  };
  if (reaches(0)) return 0;
  if (!reaches(MAX_CONTRACTS)) return null;
  let low = 0; // does not reach
  let high = MAX_CONTRACTS; // reaches
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return high;
}

function summaryOf(report: Omit<PlanReport, 'summary'>): string {
  const each = `$${report.earnings.toLocaleString('en-US')} each (weight ${report.weight})`;
  if (report.contractsNeeded === 0) return `You are at ${report.score}%, already at or above ${report.target}%.`;
  const work =
    report.contractsNeeded === null
      ? report.weight === 0
        ? `New $0 contracts with positive feedback do not count under ${report.model}, so none reach ${report.target}%: plan with paid work.`
        : `Even ${MAX_CONTRACTS.toLocaleString('en-US')} new successful contracts of ${each} do not reach ${report.target}%.`
      : `${report.contractsNeeded} new successful contract${report.contractsNeeded === 1 ? '' : 's'} of ${each}, from new clients, reach ${report.target}%.`;
  const waiting = report.reachedByWaitingOn
    ? ` Waiting alone gets there on ${report.reachedByWaitingOn}, as older contracts leave the windows.`
    : ' Waiting alone does not get there in the next 12 months.';
  return work + waiting;
}

/** `forecast`: the member's forecast when the caller has it already (it is the costly part). */
export function planPrepared(member: PreparedMember, options: PlanOptions = {}, forecast?: ForecastReport): PlanReport {
  const target = options.target ?? DEFAULT_TARGET;
  const median = medianPaidEarnings(member.contracts.map((contract) => contract.input));
  const earnings = options.earnings ?? median ?? FALLBACK_EARNINGS;
  const earningsSource = options.earnings !== undefined ? 'given' : median !== null ? 'median' : 'fallback';
  const weight = newSuccessWeight(earnings, member.asOf, member.model.params);
  const current = displayedOn(member, member.asOf);
  const alreadyThere = current.score !== null && current.score >= target;
  const needed = alreadyThere ? 0 : weight === null ? null : contractsNeeded(member, target, weight);
  let reachedByWaitingOn: string | null = alreadyThere ? formatDay(member.asOf) : null;
  if (!alreadyThere) {
    const change = (forecast ?? forecastPrepared(member)).changes.find(
      (candidate) => candidate.score !== null && candidate.score >= target,
    );
    reachedByWaitingOn = change ? change.date : null;
  }
  const report = {
    asOf: formatDay(member.asOf),
    model: member.model.name,
    target,
    earnings,
    earningsSource,
    weight: weight ?? 0,
    score: current.score,
    contractsNeeded: needed,
    reachedByWaitingOn,
  } satisfies Omit<PlanReport, 'summary'>;
  return { ...report, summary: summaryOf(report) };
}

export function planContracts(
  contracts: readonly Contract[],
  asOf: string | Day,
  plan: PlanOptions = {},
  options: ModelOptions = {},
): PlanReport {
  return planPrepared(prepareMember(contracts, asOf, options), plan);
}
