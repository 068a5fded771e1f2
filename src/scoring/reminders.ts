// What a member should hear about today, from their contracts alone: pure, no I/O, no clock.
// Everything is a function of (contracts, asOf, options), so the daily job can run it again for
// the same day and get the same answer. It works on the core's prepared contracts and window
// totals, so it lives in the core; src/reminders (the daily job, the message) reaches it through
// index.ts only.
//
// A member is told about each thing at most twice, never every day:
//
// - inactive-contract (warning): an open contract whose outcome gets worse when its grace period
//   (no payment, no feedback) or its active period (no payment lately) runs out; the same change
//   points the forecast uses (forecast.ts `changePoints`, kinds 'grace-ends' and 'goes-stale').
//   Fires when that day is exactly 7 days away (time to act) and again the day before. It fires
//   even when the displayed score does not move that day: a negative stays in the windows for
//   24 months. The member can act: end it, or record a payment.
// - feedback-counts (warning): contracts that ended without feedback (`upwork-2015`) become more
//   than `missingFeedbackMaxShare` of a window's contracts, so they count as negative there, and
//   that lowers the displayed score. Fires 7 days before and the day before. Act: ask for feedback.
// - leaves-window (warning): tomorrow the displayed score falls (or disappears) because counted
//   contracts leave a window (a fall that inactive contracts alone cause is theirs). Nothing to
//   do about it, so only the day before.
// - score-rises (good): tomorrow the displayed score rises (or appears). The day before.
// - becomes-long-term (good): tomorrow a client of the past year becomes long-term, if the work
//   continues. The day before.
//
// "Effect" is the displayed score on the day with the thing happening versus without it (the
// contract's outcome held, or the missing feedback kept neutral in the windows where it turns
// negative), so that a reminder never blames one contract for what another does that day.

import { formatDay, type Day } from './dates.ts';
import {
  computeTotals,
  displayedFromTotals,
  displayedOn,
  F_MISSING_EXCESSIVE,
  F_MISSING_WEIGHT,
  F_NEGATIVES,
  F_NEUTRALS,
  FIELDS,
  newTotals,
  windowCutoffs,
  type Displayed,
} from './evaluate.ts';
import { changePoints, forecastPrepared, type ForecastChange } from './forecast.ts';
import { longTermClients } from './long-term.ts';
import { MISSING, prepareMember, type PreparedContract, type PreparedMember } from './prepare.ts';
import type { ModelOptions } from './params.ts';
import type { Contract, WindowKey } from './types.ts';

export type ReminderKind =
  | 'inactive-contract'
  | 'leaves-window'
  | 'feedback-counts'
  | 'becomes-long-term'
  | 'score-rises';

export interface Reminder {
  kind: ReminderKind;
  /** 'warning': about to hurt, act now; 'good': good news. */
  tone: 'warning' | 'good';
  /** The day it happens (YYYY-MM-DD). */
  date: string;
  contractId: string | null;
  client: string | null;
  /** What happens, with its effect on the score when there is one. */
  text: string;
  /** What the member can do about it, or null. */
  action: string | null;
  /**
   * The displayed score that day without the thing (`from`) and with it (`to`); null when it does
   * not change the displayed score. For becomes-long-term: the long-term client score today and
   * tomorrow. Always set by findReminders; optional so that hand-made reminders may leave it out.
   */
  effect?: { from: number | null; to: number | null } | null;
}

/** Warnings the member can act on fire this many days before the day it happens… */
export const WARN_DAYS_AHEAD = 7;
/** …and again the day before; news that needs no action fires only the day before. */
export const LAST_CALL_DAYS_AHEAD = 1;
/** Contracts named in one feedback reminder, the most recently ended first. */
export const MAX_NAMED_CONTRACTS = 3;

type ChangePoint = ReturnType<typeof changePoints>[number];

const WINDOW_KEYS: readonly WindowKey[] = ['3m', '6m', '12m', '24m'];
const WINDOW_WORDS: Record<WindowKey, string> = {
  '3m': '3-month',
  '6m': '6-month',
  '12m': '12-month',
  '24m': '24-month',
};
const KIND_ORDER: Record<ReminderKind, number> = {
  'inactive-contract': 0,
  'feedback-counts': 1,
  'leaves-window': 2,
  'score-rises': 3,
  'becomes-long-term': 4,
};

function percent(value: number | null): string {
  return value === null ? 'none' : `${value}%`;
}

function label(contract: { id: string; client: string }): string {
  return `${contract.id} (${contract.client})`;
}

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function when(day: Day, asOf: Day): string {
  const days = day - asOf;
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** A move of the displayed score, in words: "your score falls from 92% to 88%". */
export function scoreMove(from: number | null, to: number | null): string {
  if (from === to) return `your score stays at ${percent(to)}`;
  if (to === null) return `you have no score any more (${from}% before)`;
  if (from === null) return `you get a score: ${to}%`;
  return `your score ${to > from ? 'rises' : 'falls'} from ${from}% to ${to}%`;
}

/**
 * The effect of one thing on its day: the score without it, the score with it, and the words.
 * When nothing else moves the score that day, "falls from (yesterday's) A% to B%"; otherwise the
 * day's move and the score without this thing: "falls from 70% to 33% (67% without this)".
 */
function effectOf(
  previous: Displayed,
  without: Displayed,
  withIt: Displayed,
): { effect: Reminder['effect']; words: string } {
  if (without.score === withIt.score)
    return { effect: null, words: `your displayed score does not change that day (${percent(withIt.score)})` };
  const effect = { from: without.score, to: withIt.score };
  if (without.score === previous.score) return { effect, words: scoreMove(without.score, withIt.score) };
  return { effect, words: `${scoreMove(previous.score, withIt.score)} (${percent(without.score)} without this)` };
}

/** The days a warning may be about, from the nearest: tomorrow and a week ahead. */
function warningDays(asOf: Day): Day[] {
  return [asOf + LAST_CALL_DAYS_AHEAD, asOf + WARN_DAYS_AHEAD];
}

function inactiveReminders(member: PreparedMember, points: readonly ChangePoint[]): Reminder[] {
  const { asOf, model } = member;
  const days = warningDays(asOf);
  const reminders: Reminder[] = [];
  for (const point of points) {
    if (point.kind === 'leaves-window' || !days.includes(point.day)) continue;
    const contract = point.contract;
    const held = {
      ...member,
      contracts: member.contracts.map((other) => (other === contract ? { ...other, switchDay: Infinity } : other)),
    };
    const { effect, words } = effectOf(
      displayedOn(member, point.day - 1),
      displayedOn(held, point.day),
      displayedOn(member, point.day),
    );
    const date = formatDay(point.day);
    const deadline = point.day - 1 === asOf ? `today (${formatDay(asOf)})` : formatDay(point.day - 1);
    const becomes = contract.timeline.after.outcome === 'negative' ? 'counts as negative' : 'stops counting';
    let text: string;
    let action: string;
    if (point.kind === 'grace-ends') {
      text = `On ${date} (${when(point.day, asOf)}) ${label(contract)} passes ${model.params.graceDays} days with no payment or feedback and ${becomes}: ${words}.`;
      action = `If no work will happen, end it by ${deadline}: "end ${contract.id}". If you were paid, record it: "pay ${contract.id} amount:USD".`;
    } else {
      const lastPaid = contract.lastPayment === null ? '' : ` (last paid ${formatDay(contract.lastPayment)})`;
      text = `On ${date} (${when(point.day, asOf)}) ${label(contract)} has had no payment for ${model.params.activeDays} days${lastPaid} and ${becomes}: ${words}.`;
      action = `If the work goes on, record the next payment by ${deadline}: "pay ${contract.id} amount:USD". If it is over, end it ("end ${contract.id}") and ask ${contract.client} for feedback.`;
    }
    reminders.push({
      kind: 'inactive-contract',
      tone: 'warning',
      date,
      contractId: contract.id,
      client: contract.client,
      text,
      action,
      effect,
    });
  }
  return reminders;
}

/** Windows (indices into WINDOW_KEYS) in which missing feedback counts as negative on `day`. */
function excessiveWindows(totals: Float64Array, member: PreparedMember): number[] {
  const windows: number[] = [];
  for (let w = member.model.params.trending ? 0 : 1; w < WINDOW_KEYS.length; w++) {
    if (totals[w * FIELDS + F_MISSING_EXCESSIVE] === 1) windows.push(w);
  }
  return windows;
}

function feedbackReminders(member: PreparedMember, points: readonly ChangePoint[]): Reminder[] {
  const { asOf, model } = member;
  if (
    model.params.missingFeedback !== 'neutral' ||
    !member.contracts.some((contract) => contract.codeBefore === MISSING)
  )
    return [];
  const reminders: Reminder[] = [];
  const totals = newTotals();
  for (const day of warningDays(asOf)) {
    // Window totals change only on change points.
    if (!points.some((point) => point.day === day)) continue;
    const before = new Set(excessiveWindows(computeTotals(member, day - 1, totals), member));
    const previous = displayedFromTotals(totals, model.params);
    const withIt = displayedFromTotals(computeTotals(member, day, totals), model.params);
    const turning = excessiveWindows(totals, member).filter((w) => !before.has(w));
    if (turning.length === 0) continue;
    // Without: the missing feedback of those windows stays neutral, as it was.
    const kept = Float64Array.from(totals);
    for (const w of turning) {
      const base = w * FIELDS;
      const weight = kept[base + F_MISSING_WEIGHT] as number;
      kept[base + F_NEGATIVES] = (kept[base + F_NEGATIVES] as number) - weight;
      kept[base + F_NEUTRALS] = (kept[base + F_NEUTRALS] as number) + weight;
    }
    const without = displayedFromTotals(kept, model.params);
    // Only when it lowers the displayed score: a window that is not shown hurts no one today.
    if (without.score === withIt.score) continue;
    const { effect, words } = effectOf(previous, without, withIt);
    const widest = turning[turning.length - 1] as number;
    const cutoff = windowCutoffs(day)[widest] as number;
    const missing = member.contracts
      .filter((contract) => contract.codeBefore === MISSING && contract.referenceDay >= cutoff)
      .sort((a, b) => (b.end ?? 0) - (a.end ?? 0) || a.id.localeCompare(b.id));
    const named = missing.slice(0, MAX_NAMED_CONTRACTS);
    const more = missing.length - named.length;
    const names = listWords([...named.map(label), ...(more > 0 ? [`${more} more`] : [])]);
    const windows = turning.map((w) => WINDOW_WORDS[WINDOW_KEYS[w] as WindowKey]).join(', ');
    const date = formatDay(day);
    const share = Math.round(model.params.missingFeedbackMaxShare * 100);
    const single = missing.length === 1 ? (missing[0] as PreparedContract) : null;
    reminders.push({
      kind: 'feedback-counts',
      tone: 'warning',
      date,
      contractId: single?.id ?? null,
      client: single?.client ?? null,
      text: `On ${date} (${when(day, asOf)}) contracts that ended without feedback become more than ${share}% of the contracts in your ${windows} window${turning.length === 1 ? '' : 's'}, so ${names} count${missing.length === 1 ? 's' : ''} as negative there: ${words}.`,
      action: `Ask ${listWords(named.map((contract) => `${contract.client} for feedback on ${contract.id}`))}${more > 0 ? ` (and the clients of ${more} more)` : ''}, then record what they give, e.g. "edit ${(named[0] as PreparedContract).id} stars:5".`,
      effect,
    });
  }
  return reminders;
}

/** Tomorrow's change of the displayed score, from the forecast: good news or a warning. */
function forecastReminders(member: PreparedMember): Reminder[] {
  const tomorrow = formatDay(member.asOf + LAST_CALL_DAYS_AHEAD);
  const forecast = forecastPrepared(member, 1);
  const change: ForecastChange | undefined = forecast.changes[0];
  if (change === undefined || change.date !== tomorrow) return [];
  const from = forecast.score;
  const rises = change.score !== null && (from === null || change.score > from);
  const leaving = change.events.filter((event) => event.kind === 'leaves-window');
  // A fall that only inactive contracts cause is their own warning (inactive-contract).
  if (!rises && leaving.length === 0) return [];
  if (!rises && leaving.length < change.events.length) {
    // With the inactive contracts of that day held, would the windows alone move the score?
    const switching = new Set(
      change.events.filter((event) => event.kind !== 'leaves-window').map((event) => event.contractId),
    );
    const held = {
      ...member,
      contracts: member.contracts.map((contract) =>
        switching.has(contract.id) ? { ...contract, switchDay: Infinity } : contract,
      ),
    };
    if (displayedOn(held, member.asOf + LAST_CALL_DAYS_AHEAD).score === from) return [];
  }
  const about = rises ? change.events : leaving;
  const one = new Set(about.map((event) => event.contractId)).size === 1 ? about[0] : undefined;
  return [
    {
      kind: rises ? 'score-rises' : 'leaves-window',
      tone: rises ? 'good' : 'warning',
      date: change.date,
      contractId: one?.contractId ?? null,
      client: one?.client ?? null,
      text: `On ${change.date} (tomorrow) your score ${change.reason}.`,
      action: null,
      effect: { from, to: change.score },
    },
  ];
}

function longTermReminders(member: PreparedMember): Reminder[] {
  const tomorrowDay = member.asOf + LAST_CALL_DAYS_AHEAD;
  const today = longTermClients(member);
  // Nothing new happens: tomorrow's report from the same prepared contracts, one day later.
  const tomorrow = longTermClients({ ...member, asOf: tomorrowDay });
  const date = formatDay(tomorrowDay);
  const reminders: Reminder[] = [];
  tomorrow.byClient.forEach((client, index) => {
    const now = today.byClient[index];
    if (!client.longTerm || !client.inPastYear || now === undefined || now.longTerm) return;
    const move =
      today.percent === tomorrow.percent
        ? `your long-term client score stays at ${percent(tomorrow.percent)}`
        : `your long-term client score goes from ${percent(today.percent)} to ${percent(tomorrow.percent)}`;
    reminders.push({
      kind: 'becomes-long-term',
      tone: 'good',
      date,
      contractId: null,
      client: client.client,
      text: `${client.client} becomes a long-term client on ${date} (tomorrow) if the work continues: ${move}.`,
      action: null,
      effect: today.percent === tomorrow.percent ? null : { from: today.percent, to: tomorrow.percent },
    });
  });
  return reminders;
}

/** Warnings first, then by date, kind, contract and client: the order a message lists them in. */
export function compareReminders(a: Reminder, b: Reminder): number {
  return (
    (a.tone === b.tone ? 0 : a.tone === 'warning' ? -1 : 1) ||
    a.date.localeCompare(b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.contractId ?? '').localeCompare(b.contractId ?? '') ||
    (a.client ?? '').localeCompare(b.client ?? '')
  );
}

/** The reminders due on `asOf` (empty when there is nothing worth a message today). */
export function findReminders(contracts: readonly Contract[], asOf: string, options: ModelOptions = {}): Reminder[] {
  if (contracts.length === 0) return [];
  const member = prepareMember(contracts, asOf, options);
  const points = changePoints(member, member.asOf + WARN_DAYS_AHEAD);
  return [
    ...inactiveReminders(member, points),
    ...feedbackReminders(member, points),
    ...forecastReminders(member),
    ...longTermReminders(member),
  ].sort(compareReminders);
}
