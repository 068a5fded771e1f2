// The forecast if nothing new happens: no payments, feedback or contracts after the as-of date,
// open contracts stay open. The displayed score can only change on a day a counted contract
// leaves a window or an open contract's grace or active period runs out, so only those days are
// scored (change points), never every day of the year.

import { addMonths, firstDayOutsideWindow, formatDay, type Day } from './dates.ts';
import { WINDOW_MONTH_LIST, type Displayed } from './evaluate.ts';
import type { ModelOptions, ModelName } from './params.ts';
import { EXCLUDED, prepareMember, type PreparedContract, type PreparedMember } from './prepare.ts';
import { RunningTotals } from './running-totals.ts';
import type { Band, Contract, ScoreSource, WindowKey } from './types.ts';
import { bandOf } from './evaluate.ts';

export const FORECAST_MONTHS = 12;

export type ForecastEventKind = 'leaves-window' | 'grace-ends' | 'goes-stale';

export interface ForecastEvent {
  date: string;
  kind: ForecastEventKind;
  contractId: string;
  client: string;
  /** For 'leaves-window'. */
  window: WindowKey | null;
  text: string;
}

export interface ForecastChange {
  date: string;
  score: number | null;
  window: Exclude<ScoreSource, '3m'> | null;
  band: Band | null;
  /** What happens that day, in plain words. */
  reason: string;
  events: ForecastEvent[];
}

export interface ForecastReport {
  asOf: string;
  model: ModelName;
  /** The last day forecast (as-of + 12 months). */
  until: string;
  score: number | null;
  window: Exclude<ScoreSource, '3m'> | null;
  changes: ForecastChange[];
  /** Open paid contracts with no payment dates: taken as last paid on the as-of date. */
  assumedPaidOnAsOf: string[];
}

/** A change point, kept small: words are only written for the days the score changes. */
interface ChangePoint {
  day: Day;
  contract: PreparedContract;
  /** The contract's index in the member's contracts. */
  index: number;
  kind: ForecastEventKind;
  /** Index into WINDOW_KEYS for 'leaves-window', else -1. */
  window: number;
}

const WINDOW_KEYS: readonly WindowKey[] = ['3m', '6m', '12m', '24m'];

const OUTCOME_WORDS: Record<string, string> = {
  negative: 'counts as negative',
  excluded: 'stops counting',
  success: 'counts as a success',
  neutral: 'counts as neutral',
  missing: 'counts as missing feedback',
};

function pointsOf(member: PreparedMember, index: number, until: Day, into: ChangePoint[]): void {
  const { asOf, model } = member;
  const contract = member.contracts[index] as PreparedContract;
  // Excluded closed contracts count in no window, so their leaving changes nothing.
  if (contract.end !== null && contract.codeBefore !== EXCLUDED) {
    for (let w = model.params.trending ? 0 : 1; w < WINDOW_KEYS.length; w++) {
      const day = firstDayOutsideWindow(contract.end, WINDOW_MONTH_LIST[w] as number);
      if (day > asOf && day <= until) into.push({ day, contract, index, kind: 'leaves-window', window: w });
    }
  }
  const { switchDay, switchKind } = contract.timeline;
  if (switchKind !== null && contract.codeBefore !== contract.codeAfter && switchDay >= asOf && switchDay < until) {
    into.push({
      day: switchDay + 1,
      contract,
      index,
      kind: switchKind === 'grace' ? 'grace-ends' : 'goes-stale',
      window: -1,
    });
  }
}

function describePoint(point: ChangePoint, member: PreparedMember): ForecastEvent {
  const { contract, kind } = point;
  const params = member.model.params;
  const window = point.window >= 0 ? (WINDOW_KEYS[point.window] as WindowKey) : null;
  const after = OUTCOME_WORDS[contract.timeline.after.outcome];
  const text =
    kind === 'leaves-window'
      ? `${contract.id} (${contract.client}, ${contract.timeline.before.outcome}) leaves the ${window} window`
      : kind === 'grace-ends'
        ? `${contract.id} (${contract.client}) passes ${params.graceDays} days with no activity and ${after}`
        : `${contract.id} (${contract.client}) has had no payment for ${params.activeDays} days and ${after}`;
  return { date: formatDay(point.day), kind, contractId: contract.id, client: contract.client, window, text };
}

/** Every day after the as-of date, up to `until`, on which some contract's standing can change. */
export function changePoints(member: PreparedMember, until: Day): ChangePoint[] {
  const points: ChangePoint[] = [];
  for (let i = 0; i < member.contracts.length; i++) pointsOf(member, i, until, points);
  return points.sort((a, b) => a.day - b.day);
}

function describeChange(before: Displayed, after: Displayed): string {
  if (after.score === null) return 'no score any more';
  if (before.score === null) return `a score appears: ${after.score}%`;
  return `${after.score > before.score ? 'rises' : 'falls'} from ${before.score}% to ${after.score}%`;
}

/**
 * The forecast for a member prepared on its as-of date. The window totals are updated at each
 * change point for the contracts that change that day only (running-totals.ts): linear in the
 * contracts, where re-scoring every contract on every change day was not.
 */
export function forecastPrepared(member: PreparedMember, months = FORECAST_MONTHS): ForecastReport {
  const until = addMonths(member.asOf, months);
  const running = new RunningTotals(member, member.asOf);
  const current = running.displayedOn(member.asOf);
  const points = changePoints(member, until);
  const changes: ForecastChange[] = [];
  let previous = current;
  for (let i = 0; i < points.length; ) {
    const first = i;
    const day = (points[i] as ChangePoint).day;
    for (; i < points.length && (points[i] as ChangePoint).day === day; i++) {
      const point = points[i] as ChangePoint;
      if (point.kind === 'leaves-window') running.leaveWindow(point.index, point.window);
      else running.move(point.index, day);
    }
    const next = running.displayedOn(day);
    if (next.score === previous.score) continue;
    const sameDay = points.slice(first, i).map((point) => describePoint(point, member));
    changes.push({
      date: formatDay(day),
      score: next.score,
      window: next.source,
      band: next.score === null ? null : bandOf(next.score),
      reason: `${describeChange(previous, next)}: ${sameDay.map((event) => event.text).join('; ')}`,
      events: sameDay,
    });
    previous = next;
  }
  return {
    asOf: formatDay(member.asOf),
    model: member.model.name,
    until: formatDay(until),
    score: current.score,
    window: current.source,
    changes,
    assumedPaidOnAsOf: member.contracts.filter(isAssumedPaidOnAsOf).map((contract) => contract.id),
  };
}

function isAssumedPaidOnAsOf(contract: PreparedContract): boolean {
  const input = contract.input;
  return contract.end === null && contract.earnings > 0 && !input.lastPayment && (input.payments?.length ?? 0) === 0;
}

export function forecastContracts(
  contracts: readonly Contract[],
  asOf: string | Day,
  options: ModelOptions = {},
): ForecastReport {
  return forecastPrepared(prepareMember(contracts, asOf, options));
}
