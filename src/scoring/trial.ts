// Recorded days prepared once for the explain search, then re-scored under hypothetical
// `counted` outcomes without preparing or classifying anything again: a change only moves one
// contract's weight between fields of the smallest window that holds it (and maybe its client
// in or out), and the windows are then summed outwards as in evaluate.ts.

import { toDay, type Day } from './dates.ts';
import {
  displayedScoreFromTotals,
  F_CLIENTS,
  F_MISSING_COUNT,
  F_MISSING_EXCESSIVE,
  F_MISSING_WEIGHT,
  F_NEGATIVES,
  F_NEUTRALS,
  F_OUTCOMES,
  F_SUCCESSES,
  FIELDS,
  finishTotals,
  newTotals,
  smallestWindow,
  WINDOW_COUNT,
  windowCutoffs,
} from './evaluate.ts';
import { prepareKnownOn } from './history.ts';
import type { ModelOptions, ModelParams } from './params.ts';
import { EXCLUDED, MISSING, NEGATIVE, NEUTRAL, SUCCESS, type OutcomeCode, type PreparedMember } from './prepare.ts';
import type { Contract, Observation } from './types.ts';

/** One hypothetical fact: input contract `contract` counted as `code`. */
export interface TrialChange {
  contract: number;
  code: OutcomeCode;
}

/** A recorded day with the member as known then, in the numbers a trial needs. */
export interface RecordedDay {
  date: string;
  day: Day;
  reported: number;
  member: PreparedMember;
  /** Input index → index in `member.contracts`, −1 when the contract had not started. */
  indexOf: Int32Array;
  /** Per prepared contract: its outcome code on the day, smallest window (−1: none), and whether `counted` applies then. */
  codes: Int8Array;
  windows: Int8Array;
  overridable: Uint8Array;
  /** Each contract in its smallest window only, clients counted in theirs (before finishTotals). */
  base: Float64Array;
  /** Per client: the smallest window holding one of its counted contracts (WINDOW_COUNT: none). */
  clientWindow: Int8Array;
  contractsOfClient: number[][];
  /** The displayed estimate with no change. */
  estimated: number | null;
}

function addCode(totals: Float64Array, w: number, code: number, weight: number, sign: number): void {
  if (code === EXCLUDED) return;
  const base = w * FIELDS;
  if (code === SUCCESS) totals[base + F_SUCCESSES] = (totals[base + F_SUCCESSES] as number) + sign * weight;
  else if (code === NEGATIVE) totals[base + F_NEGATIVES] = (totals[base + F_NEGATIVES] as number) + sign * weight;
  else if (code === NEUTRAL) totals[base + F_NEUTRALS] = (totals[base + F_NEUTRALS] as number) + sign * weight;
  else if (code === MISSING) {
    totals[base + F_MISSING_COUNT] = (totals[base + F_MISSING_COUNT] as number) + sign;
    totals[base + F_MISSING_WEIGHT] = (totals[base + F_MISSING_WEIGHT] as number) + sign * weight;
  }
  totals[base + F_OUTCOMES] = (totals[base + F_OUTCOMES] as number) + sign;
}

export function prepareRecordedDay(
  contracts: readonly Contract[],
  observation: Observation,
  options: ModelOptions,
): RecordedDay {
  const member = prepareKnownOn(contracts, observation.date, options);
  const day = member.asOf;
  const count = member.contracts.length;
  const indexOf = new Int32Array(contracts.length).fill(-1);
  const overridable = new Uint8Array(count);
  // contractsKnownOn keeps input order and drops only contracts not yet started.
  let next = 0;
  for (let i = 0; i < contracts.length && next < count; i++) {
    const contract = contracts[i] as Contract;
    if (toDay(contract.start) > day) continue;
    // `counted` is the outcome of the contract as it ended: it applies once ended, or to an open one.
    overridable[next] = !contract.end || toDay(contract.end) <= day ? 1 : 0;
    indexOf[i] = next++;
  }
  const codes = new Int8Array(count);
  const windows = new Int8Array(count);
  const clientWindow = new Int8Array(member.clientNames.length).fill(WINDOW_COUNT);
  const contractsOfClient: number[][] = member.clientNames.map(() => []);
  const base = new Float64Array(WINDOW_COUNT * FIELDS);
  const cutoffs = windowCutoffs(day);
  member.contracts.forEach((contract, p) => {
    const code = day <= contract.switchDay ? contract.codeBefore : contract.codeAfter;
    const w = smallestWindow(contract.referenceDay, cutoffs);
    codes[p] = code;
    windows[p] = w;
    (contractsOfClient[contract.clientIndex] as number[]).push(p);
    if (w < 0 || code === EXCLUDED) return;
    addCode(base, w, code, contract.weight, 1);
    if ((clientWindow[contract.clientIndex] as number) > w) clientWindow[contract.clientIndex] = w;
  });
  for (const w of clientWindow)
    if (w < WINDOW_COUNT) base[w * FIELDS + F_CLIENTS] = (base[w * FIELDS + F_CLIENTS] as number) + 1;
  const recorded: RecordedDay = {
    date: observation.date,
    day,
    reported: observation.score,
    member,
    indexOf,
    codes,
    windows,
    overridable,
    base,
    clientWindow,
    contractsOfClient,
    estimated: null,
  };
  recorded.estimated = scoreWithChanges(recorded, [], 0);
  return recorded;
}

const scratch = newTotals();
const touched: number[] = [];

function codeWith(day: RecordedDay, p: number, changes: readonly TrialChange[], count: number): number {
  for (let i = 0; i < count; i++) {
    const change = changes[i] as TrialChange;
    if (day.indexOf[change.contract] === p && day.overridable[p] === 1) return change.code;
  }
  return day.codes[p] as number;
}

/** The displayed score on a recorded day with the first `count` changes applied. */
export function scoreWithChanges(day: RecordedDay, changes: readonly TrialChange[], count: number): number | null {
  const params: ModelParams = day.member.model.params;
  const totals = scratch;
  totals.set(day.base);
  touched.length = 0;
  for (let i = 0; i < count; i++) {
    const change = changes[i] as TrialChange;
    const p = day.indexOf[change.contract] as number;
    if (p < 0 || day.overridable[p] === 0) continue;
    const w = day.windows[p] as number;
    const before = day.codes[p] as number;
    if (w < 0 || before === change.code) continue;
    const contract = day.member.contracts[p] as PreparedMember['contracts'][number];
    addCode(totals, w, before, contract.weight, -1);
    addCode(totals, w, change.code, contract.weight, 1);
    if ((before === EXCLUDED) !== (change.code === EXCLUDED)) touched.push(contract.clientIndex);
  }
  // A client enters or leaves a window only with its counted contracts: recount the touched ones.
  for (let t = 0; t < touched.length; t++) {
    const client = touched[t] as number;
    if (touched.indexOf(client) < t) continue;
    let smallest = WINDOW_COUNT;
    for (const q of day.contractsOfClient[client] as number[]) {
      const w = day.windows[q] as number;
      if (w >= 0 && w < smallest && codeWith(day, q, changes, count) !== EXCLUDED) smallest = w;
    }
    const was = day.clientWindow[client] as number;
    if (was === smallest) continue;
    if (was < WINDOW_COUNT) totals[was * FIELDS + F_CLIENTS] = (totals[was * FIELDS + F_CLIENTS] as number) - 1;
    if (smallest < WINDOW_COUNT)
      totals[smallest * FIELDS + F_CLIENTS] = (totals[smallest * FIELDS + F_CLIENTS] as number) + 1;
  }
  finishTotals(totals, params.missingFeedbackMaxShare);
  return displayedScoreFromTotals(totals, params);
}

/** Whether missing feedback counts as negative in a window on the day with no change (2015). */
export function missingExcessiveOn(day: RecordedDay, w: number): boolean {
  const totals = newTotals();
  totals.set(day.base);
  finishTotals(totals, day.member.model.params.missingFeedbackMaxShare);
  return (totals[w * FIELDS + F_MISSING_EXCESSIVE] as number) === 1;
}
