// A member's leaderboard standing — displayed score, its window, long-term client percent and the
// counted outcomes behind the score — and the last day it holds: `validUntil`, the last day D ≥
// as-of such that re-scoring the SAME contracts (nothing new recorded) as of every day in
// [as-of, D] gives the same four values. The leaderboard recomputes a snapshot the day after.
//
// The contracts are prepared once, on the as-of date. Re-scoring on a later day D would prepare
// every contract identically except the open paid ones with no payment dates ("assumed paid on
// the as-of date", forecast.ts): their last payment is re-derived as D. Everything else that moves
// with the calendar happens on days known in advance:
//   - score, window, outcomes: the forecast's change points (the days of changePoints in
//     forecast.ts, computed here stage by stage: a counted closed contract leaves a window, an
//     open contract's grace or active period runs out), and, for each assumed-paid contract, the days its whole paid months grow (first payment
//     + m months), which can change its weight and make it long-term work. Such a contract never
//     goes stale on re-scoring (it is last paid on the day scored), so its 'goes-stale' day is not
//     a change point here. Between two of these days every window's totals are constant.
//   - long-term client percent: an ongoing client becomes long-term on `longTermOn`; a client
//     whose last payment is fixed leaves the base on firstDayOutsideWindow(lastPayment, lookback)
//     (month-end clamping included); a client with an assumed-paid contract never leaves it.
// On each of these days the standing is evaluated exactly as re-scoring would (assumed-paid
// contracts re-prepared on that day), and validUntil is the day before the first day it differs:
// tight, not a bound. The only conservative case is the cap at the forecast horizon (as-of +
// FORECAST_MONTHS): a standing that still holds then expires on the horizon anyway.
//
// Cost: one prepareMember, one evaluation on the as-of date, and one per change day up to the
// first change. The days are searched in growing stages so that only the contracts and clients
// that change within a stage have their exact day computed (most standings change within days).

import { addMonths, firstDayOutsideWindow, formatDay, subMonths, wholeMonthsBetween, type Day } from './dates.ts';
import {
  computeTotals,
  displayedFromTotals,
  F_OUTCOMES,
  FIELDS,
  newTotals,
  roundHalfUp,
  WINDOW_COUNT,
  WINDOW_MONTH_LIST,
} from './evaluate.ts';
import { FORECAST_MONTHS } from './forecast.ts';
import type { ModelOptions } from './params.ts';
import { EXCLUDED, prepareMember, reprepareContract, type PreparedContract, type PreparedMember } from './prepare.ts';
import type { Contract, ScoreReport } from './types.ts';

export interface Standing {
  score: number | null;
  window: ScoreReport['window'];
  longTermPercent: number | null;
  /** Counted outcomes in the window the score comes from (the 24-month window without a score). */
  outcomes: number;
  /** The last day on which re-scoring, with nothing new recorded, gives this same standing. */
  validUntil: string;
}

/** How far ahead validUntil may reach: the forecast horizon, as-of + 12 months. */
export const STANDING_HORIZON_MONTHS = FORECAST_MONTHS;

/** `contracts` may be a member prepared already, on any day (prepareMember): its dates are not parsed again. */
export function standingOf(
  contracts: readonly Contract[] | PreparedMember,
  asOf: string | Day,
  options: ModelOptions = {},
): Standing {
  return standingPrepared(prepareMember(contracts, asOf, options));
}

/** The standing of a member prepared on its as-of date (prepareMember), and how long it holds. */
export function standingPrepared(member: PreparedMember, horizonMonths = STANDING_HORIZON_MONTHS): Standing {
  const { asOf, model, contracts } = member;
  const params = model.params;
  const horizon = addMonths(asOf, horizonMonths);
  const totals = scratchTotals;
  const now = scorePartOn(member, asOf, totals);
  const assumed = markAssumedPaid(contracts);
  const percent = initClients(member);

  const dayMember: PreparedMember = assumed.length > 0 ? { ...member, contracts: contracts.slice() } : member;
  const firstWindow = params.trending ? 0 : 1;
  const lowCutoffs = scratchLowCutoffs;
  const highCutoffs = scratchHighCutoffs;
  for (let w = firstWindow; w < WINDOWS; w++) lowCutoffs[w] = subMonths(asOf, MONTHS[w] as number);
  const lookback = params.longTermClientLookbackMonths;
  let lowBaseCutoff = subMonths(asOf, lookback);
  const scoreDays = scratchScoreDays;
  const clientEvents = scratchClientEvents;

  // The days are searched in growing stages, (low, high]: most standings change within days, and
  // a stage only computes the exact days of the contracts and clients that change inside it.
  let validUntil = horizon;
  for (let low = asOf, stage = 0; low < horizon; stage++) {
    const high = Math.min(horizon, asOf + (STAGE_DAYS[stage] ?? Infinity));
    scoreDays.length = 0;
    clientEvents.length = 0;
    for (let w = firstWindow; w < WINDOWS; w++) highCutoffs[w] = subMonths(high, MONTHS[w] as number);
    const highBaseCutoff = subMonths(high, lookback);

    for (let i = 0; i < contracts.length; i++) {
      const contract = contracts[i] as PreparedContract;
      const end = contract.end;
      if (end !== null) {
        // Closed: a fixed outcome. A counted one leaves window w on a day in (low, high] exactly
        // when it is in w on `low` (end ≥ cutoff) and out of it on `high` (end < cutoff).
        if (contract.codeBefore === EXCLUDED_CODE) continue;
        for (let w = firstWindow; w < WINDOWS; w++) {
          if (end >= (lowCutoffs[w] as number) && end < (highCutoffs[w] as number)) {
            scoreDays.push(firstDayOutsideWindow(end, MONTHS[w] as number));
          }
        }
      } else if (scratchAssumed[i] === 1) {
        // Re-scored on day D it is last paid on D: it never goes stale, but its whole paid months
        // (weight, long-term work) grow on first payment + m months.
        for (let m = wholeMonthsBetween(contract.firstPayment, low) + 1; ; m++) {
          const day = addMonths(contract.firstPayment, m);
          if (day > high) break;
          if (day > low) scoreDays.push(day);
        }
      } else if (contract.codeBefore !== contract.codeAfter) {
        // Open: its grace or active period ends after switchDay (the forecast's change point).
        const day = contract.switchDay + 1;
        if (day > low && day <= high) scoreDays.push(day);
      }
    }
    clientEventsIn(asOf, low, high, lowBaseCutoff, highBaseCutoff, lookback, clientEvents);

    // The first day in the stage the long-term percent differs bounds the score's search.
    let firstChange = Infinity;
    if (clientEvents.length > 0) {
      clientEvents.sort(ascending);
      for (let i = 0; i < clientEvents.length; ) {
        const offset = Math.floor((clientEvents[i] as number) / EVENT_DAY);
        for (; i < clientEvents.length && Math.floor((clientEvents[i] as number) / EVENT_DAY) === offset; i++) {
          applyClientEvent((clientEvents[i] as number) % EVENT_DAY);
        }
        if (clientPercent() !== percent) {
          firstChange = asOf + offset;
          break;
        }
      }
    }
    if (scoreDays.length > 1) scoreDays.sort(ascending);
    let previous = low;
    for (const day of scoreDays) {
      if (day >= firstChange) break;
      if (day === previous) continue;
      previous = day;
      if (assumed.length > 0) {
        // What re-scoring on `day` prepares: these contracts are last paid on `day`.
        dayMember.asOf = day;
        for (const index of assumed) {
          const contract = contracts[index] as PreparedContract;
          dayMember.contracts[index] = reprepareContract(contract, day, model);
        }
      }
      const then = scorePartOn(dayMember, day, totals);
      if (then.score !== now.score || then.window !== now.window || then.outcomes !== now.outcomes) {
        firstChange = day;
        break;
      }
    }
    if (firstChange !== Infinity) {
      validUntil = firstChange - 1;
      break;
    }
    low = high;
    lowCutoffs.set(highCutoffs);
    lowBaseCutoff = highBaseCutoff;
  }
  return {
    score: now.score,
    window: now.window,
    longTermPercent: percent,
    outcomes: now.outcomes,
    validUntil: formatDay(validUntil),
  };
}

/** Ends of the search stages, in days after the as-of date; the last stage ends at the horizon. */
const STAGE_DAYS: readonly number[] = [7, 31, 92, 183];

const ascending = (a: number, b: number) => a - b;

// Imported constants read once: a module run through a transpiler (tsx, vitest) may read an
// imported binding through a getter, which the loops below would pay on every read.
const WINDOWS: number = WINDOW_COUNT;
const MONTHS: readonly number[] = [...WINDOW_MONTH_LIST];
const EXCLUDED_CODE: number = EXCLUDED;
const CONTRACTS_WINDOW_OUTCOMES: Readonly<Record<string, number>> = {
  // The window a report counts contracts in: the source's, 6m for trending, 24m without a score.
  '6m': FIELDS + F_OUTCOMES,
  '12m': 2 * FIELDS + F_OUTCOMES,
  '24m': 3 * FIELDS + F_OUTCOMES,
  trending: FIELDS + F_OUTCOMES,
  none: 3 * FIELDS + F_OUTCOMES,
};

// Scratch space for one standing at a time (the core is synchronous and single-threaded).
const scratchTotals = newTotals();
const scratchLowCutoffs = new Float64Array(WINDOW_COUNT);
const scratchHighCutoffs = new Float64Array(WINDOW_COUNT);
const scratchScoreDays: number[] = [];
const scratchClientEvents: number[] = [];
let scratchAssumed = new Uint8Array(64);

interface ScorePart {
  score: number | null;
  window: ScoreReport['window'];
  outcomes: number;
}

/** Displayed score, window and the contracts window's counted outcomes, as scoreContracts reports them on `day`. */
function scorePartOn(member: PreparedMember, day: Day, totals: Float64Array): ScorePart {
  computeTotals(member, day, totals);
  const shown = displayedFromTotals(totals, member.model.params);
  return {
    score: shown.score,
    window: shown.source,
    outcomes: totals[CONTRACTS_WINDOW_OUTCOMES[shown.source ?? 'none'] as number] as number,
  };
}

/** Open paid contracts with no payment dates: the last payment is whatever day they are scored on (prepare.ts). */
function isAssumedPaid(contract: PreparedContract): boolean {
  const input = contract.input;
  return contract.end === null && contract.earnings > 0 && !input.lastPayment && (input.payments?.length ?? 0) === 0;
}

/** Marks the assumed-paid contracts in scratchAssumed (by index) and lists their indices. */
function markAssumedPaid(contracts: readonly PreparedContract[]): number[] {
  if (scratchAssumed.length < contracts.length) scratchAssumed = new Uint8Array(contracts.length * 2);
  const indices: number[] = [];
  for (let i = 0; i < contracts.length; i++) {
    const assumed = isAssumedPaid(contracts[i] as PreparedContract);
    scratchAssumed[i] = assumed ? 1 : 0;
    if (assumed) indices.push(i);
  }
  return indices;
}

// ---------------------------------------------------------------------------------------------
// The clients of the long-term client score, as re-scoring on later days sees them. Mirrors
// long-term.ts: a client's span runs from its earliest start to the latest end, last payment, or
// the day scored while a contract is open; it is long-term once start + longTermMonths ≤ that; it
// is in the base while its latest payment is ≥ the day scored − lookback months. So over time an
// ongoing client becomes long-term on `longTermOn`; a client with a fixed last payment leaves the
// base on firstDayOutsideWindow(lastPayment, lookback) (month-end clamping included); a client
// with an assumed-paid contract is paid on every day scored and never leaves; nobody joins.
// The state lives in scratch arrays indexed by client, for one standing at a time.

/** A client event packed in a number: (day − as-of) × EVENT_DAY + client × 2 + (0: leaves the base, 1: becomes long-term). */
const EVENT_DAY = 2 ** 24;

const PAID_EVERY_DAY = 1;
const ONGOING = 2;
const IN_BASE = 4;
const LONG_TERM = 8;

let clientFlags = new Uint8Array(64);
let clientSince = new Float64Array(64);
let clientUntil = new Float64Array(64);
let clientLastPaid = new Float64Array(64);
let clientLongTermFrom = new Float64Array(64);
let clientCount = 0;
let baseClients = 0;
let longTermClients = 0;

/** Sets up every client's state on the as-of date (scratchAssumed marked) and returns the percent. */
function initClients(member: PreparedMember): number | null {
  const { asOf, model, contracts } = member;
  const { longTermMonths, longTermClientLookbackMonths } = model.params;
  const count = member.clientNames.length;
  if (clientFlags.length < count) {
    const size = count * 2;
    clientFlags = new Uint8Array(size);
    clientSince = new Float64Array(size);
    clientUntil = new Float64Array(size);
    clientLastPaid = new Float64Array(size);
    clientLongTermFrom = new Float64Array(size);
  }
  clientCount = count;
  clientFlags.fill(0, 0, count);
  clientSince.fill(Infinity, 0, count);
  clientUntil.fill(-Infinity, 0, count);
  clientLastPaid.fill(-Infinity, 0, count);
  clientLongTermFrom.fill(Infinity, 0, count);
  for (let i = 0; i < contracts.length; i++) {
    const contract = contracts[i] as PreparedContract;
    const c = contract.clientIndex;
    if (contract.start < (clientSince[c] as number)) clientSince[c] = contract.start;
    if (contract.end === null) clientFlags[c] = (clientFlags[c] as number) | ONGOING;
    else if (contract.end > (clientUntil[c] as number)) clientUntil[c] = contract.end;
    if (scratchAssumed[i] === 1) clientFlags[c] = (clientFlags[c] as number) | PAID_EVERY_DAY;
    else if (contract.lastPayment !== null) {
      if (contract.lastPayment > (clientLastPaid[c] as number)) clientLastPaid[c] = contract.lastPayment;
      if (contract.lastPayment > (clientUntil[c] as number)) clientUntil[c] = contract.lastPayment;
    }
  }
  const yearAgo = subMonths(asOf, longTermClientLookbackMonths);
  baseClients = 0;
  longTermClients = 0;
  for (let c = 0; c < count; c++) {
    let flags = clientFlags[c] as number;
    if ((flags & PAID_EVERY_DAY) === 0 && !((clientLastPaid[c] as number) >= yearAgo)) continue;
    flags |= IN_BASE;
    baseClients++;
    const longTermOn = addMonths(clientSince[c] as number, longTermMonths);
    const untilNow = (flags & ONGOING) !== 0 ? Math.max(asOf, clientUntil[c] as number) : (clientUntil[c] as number);
    if (longTermOn <= untilNow) {
      flags |= LONG_TERM;
      longTermClients++;
    } else if ((flags & ONGOING) !== 0) {
      // An ongoing client's span grows a day a day, so it reaches longTermOn on that very day.
      clientLongTermFrom[c] = longTermOn;
    }
    clientFlags[c] = flags;
  }
  return clientPercent();
}

function clientPercent(): number | null {
  return baseClients === 0 ? null : roundHalfUp((100 * longTermClients) / baseClients);
}

/** Pushes the packed client events of the days in (low, high], given the base cutoffs on `low` and `high`. */
function clientEventsIn(
  asOf: Day,
  low: Day,
  high: Day,
  lowBaseCutoff: Day,
  highBaseCutoff: Day,
  lookback: number,
  into: number[],
): void {
  for (let c = 0; c < clientCount; c++) {
    const flags = clientFlags[c] as number;
    if ((flags & IN_BASE) === 0) continue;
    const from = clientLongTermFrom[c] as number;
    if (from > low && from <= high) into.push((from - asOf) * EVENT_DAY + c * 2 + 1);
    // In the base on `low` (last paid ≥ its cutoff) and out of it on `high`: it leaves in (low, high].
    const paid = clientLastPaid[c] as number;
    if ((flags & PAID_EVERY_DAY) === 0 && paid >= lowBaseCutoff && paid < highBaseCutoff) {
      into.push((firstDayOutsideWindow(paid, lookback) - asOf) * EVENT_DAY + c * 2);
    }
  }
}

function applyClientEvent(event: number): void {
  const c = event >> 1;
  const flags = clientFlags[c] as number;
  if ((event & 1) === 1) {
    if ((flags & LONG_TERM) !== 0) return;
    clientFlags[c] = flags | LONG_TERM;
    if ((flags & IN_BASE) !== 0) longTermClients++;
  } else {
    if ((flags & IN_BASE) === 0) return;
    clientFlags[c] = flags & ~IN_BASE;
    baseClients--;
    if ((flags & LONG_TERM) !== 0) longTermClients--;
  }
}
