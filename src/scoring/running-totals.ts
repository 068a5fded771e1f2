// Window totals kept up to date as single contracts change standing, so that scoring on each of
// a forecast's change days, or with one contract swapped (tips), costs only the contracts that
// change, not every contract again. The forecast stays linear in the number of contracts.
//
// Exactness: full re-scoring (computeTotals) adds the weights in contract order; adding and
// removing them in another order gives bit-for-bit the same sums only when every partial sum is
// exact. It is when every weight is a multiple of 2^-16 and their total is far below 2^53 × 2^-16
// (the presets' weights are 1, 1.25, 1.5 plus whole bonuses). Otherwise (a community's weight of,
// say, 1.1) each evaluation falls back to full re-scoring, so the results never differ.

import type { Day } from './dates.ts';
import {
  computeTotals,
  displayedFromTotals,
  F_CLIENTS,
  F_MISSING_COUNT,
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
  type Displayed,
} from './evaluate.ts';
import {
  EXCLUDED,
  MISSING,
  NEGATIVE,
  NEUTRAL,
  SUCCESS,
  type PreparedContract,
  type PreparedMember,
} from './prepare.ts';

/** Weights that are multiples of this sum exactly in any order (below EXACT_TOTAL_LIMIT). */
const EXACT_STEP = 2 ** 16;
const EXACT_TOTAL_LIMIT = 2 ** 36;

function exactWeight(weight: number): boolean {
  return weight >= 0 && Number.isInteger(weight * EXACT_STEP);
}

/** Whether adding the members' weights in any order gives the same sums as in contract order. */
export function sumsAreExact(contracts: readonly PreparedContract[]): boolean {
  let total = 0;
  for (const contract of contracts) {
    if (!exactWeight(contract.weight)) return false;
    total += contract.weight;
  }
  return total < EXACT_TOTAL_LIMIT;
}

// Imported constants read once: a module run through a transpiler may read an imported binding
// through a getter, which the per-contract updates would pay on every read.
const WINDOWS: number = WINDOW_COUNT;
const NONE = -1;

export class RunningTotals {
  readonly member: PreparedMember;
  /** Each counted contract and each client in its smallest window only (finishTotals not applied). */
  private readonly raw = newTotals();
  private readonly out = newTotals();
  private readonly cutoffs = new Float64Array(WINDOW_COUNT);
  /** The day `cutoffs` are for (computed when a move needs them). */
  private cutoffsDay = NaN;
  /** The outcome code and smallest window (NONE: not counted) each contract is added with. */
  private readonly codes: Int8Array;
  private readonly windows: Int8Array;
  /** Counted contracts per client and smallest window (client × WINDOW_COUNT + window). */
  private readonly clientCounts: Int32Array;
  /** Without trending nothing reads the 3-month window: its contracts are kept in the 6-month one. */
  private readonly firstWindow: number;
  readonly exact: boolean;

  constructor(member: PreparedMember, day: Day) {
    this.member = member;
    const count = member.contracts.length;
    this.codes = new Int8Array(count);
    this.windows = new Int8Array(count).fill(NONE);
    this.clientCounts = new Int32Array(member.clientNames.length * WINDOWS);
    this.firstWindow = member.model.params.trending ? 0 : 1;
    this.exact = sumsAreExact(member.contracts);
    if (!this.exact) return;
    const cutoffs = this.cutoffsOn(day);
    for (let i = 0; i < count; i++) {
      const contract = member.contracts[i] as PreparedContract;
      const code = day <= contract.switchDay ? contract.codeBefore : contract.codeAfter;
      const window = this.windowOf(contract, code, cutoffs);
      this.codes[i] = code;
      this.windows[i] = window;
      this.apply(contract, code, window, 1);
    }
  }

  /** Re-places contract `index` as it stands on `day`. */
  move(index: number, day: Day): void {
    if (!this.exact) return;
    const contract = this.member.contracts[index] as PreparedContract;
    const code = day <= contract.switchDay ? contract.codeBefore : contract.codeAfter;
    this.place(index, code, this.windowOf(contract, code, this.cutoffsOn(day)));
  }

  /**
   * Contract `index` has just left window `w` (its end is no longer in it): it is now in the next
   * one, which it leaves months later. The same as move on that day, without its calendar math.
   */
  leaveWindow(index: number, w: number): void {
    if (!this.exact) return;
    const window = this.windows[index] as number;
    if (window === NONE || window > w) return;
    this.place(index, this.codes[index] as number, w + 1 < WINDOWS ? w + 1 : NONE);
  }

  private place(index: number, code: number, window: number): void {
    const oldCode = this.codes[index] as number;
    const oldWindow = this.windows[index] as number;
    if (code === oldCode && window === oldWindow) return;
    const contract = this.member.contracts[index] as PreparedContract;
    this.apply(contract, oldCode, oldWindow, -1);
    this.apply(contract, code, window, 1);
    this.codes[index] = code;
    this.windows[index] = window;
  }

  private cutoffsOn(day: Day): Float64Array {
    if (this.cutoffsDay !== day) {
      windowCutoffs(day, this.cutoffs);
      this.cutoffsDay = day;
    }
    return this.cutoffs;
  }

  /**
   * The finished totals on `day`, with every contract moved that changes by then (a scratch array,
   * valid until the next call). Without trending, the 3-month window's own figures are not kept.
   */
  totalsOn(day: Day): Float64Array {
    if (!this.exact) return computeTotals(this.member, day, this.out);
    this.out.set(this.raw);
    return finishTotals(this.out, this.member.model.params.missingFeedbackMaxShare);
  }

  /** The displayed score on `day`, with every contract moved that changes by then. */
  displayedOn(day: Day): Displayed {
    return displayedFromTotals(this.totalsOn(day), this.member.model.params);
  }

  /**
   * The displayed score on the constructor's day with contract `index` replaced by `replacement`
   * (same client and end), leaving the totals as they were.
   */
  displayedWithReplaced(index: number, replacement: PreparedContract, day: Day): Displayed {
    const params = this.member.model.params;
    if (!this.exact || !exactWeight(replacement.weight)) {
      const contracts = this.member.contracts.map((other, i) => (i === index ? replacement : other));
      return displayedFromTotals(computeTotals({ ...this.member, contracts }, day, this.out), params);
    }
    const original = this.member.contracts[index] as PreparedContract;
    const oldCode = this.codes[index] as number;
    const oldWindow = this.windows[index] as number;
    const code = day <= replacement.switchDay ? replacement.codeBefore : replacement.codeAfter;
    const window = this.windowOf(replacement, code, this.cutoffsOn(day));
    this.apply(original, oldCode, oldWindow, -1);
    this.apply(replacement, code, window, 1);
    const shown = this.displayedOn(day);
    this.apply(replacement, code, window, -1);
    this.apply(original, oldCode, oldWindow, 1);
    return shown;
  }

  private windowOf(contract: PreparedContract, code: number, cutoffs: Float64Array): number {
    if (code === EXCLUDED) return NONE;
    const window = smallestWindow(contract.referenceDay, cutoffs);
    return window < 0 ? NONE : Math.max(window, this.firstWindow);
  }

  /** Adds (sign 1) or removes (sign −1) a contract counted with `code` in smallest window `window`. */
  private apply(contract: PreparedContract, code: number, window: number, sign: 1 | -1): void {
    if (window === NONE) return;
    const raw = this.raw;
    const base = window * FIELDS;
    const weight = sign * contract.weight;
    if (code === SUCCESS) raw[base + F_SUCCESSES] = (raw[base + F_SUCCESSES] as number) + weight;
    else if (code === NEGATIVE) raw[base + F_NEGATIVES] = (raw[base + F_NEGATIVES] as number) + weight;
    else if (code === NEUTRAL) raw[base + F_NEUTRALS] = (raw[base + F_NEUTRALS] as number) + weight;
    else if (code === MISSING) {
      raw[base + F_MISSING_COUNT] = (raw[base + F_MISSING_COUNT] as number) + sign;
      raw[base + F_MISSING_WEIGHT] = (raw[base + F_MISSING_WEIGHT] as number) + weight;
    }
    raw[base + F_OUTCOMES] = (raw[base + F_OUTCOMES] as number) + sign;
    // The client counts in its smallest window: move its one count when that window changes.
    const counts = this.clientCounts;
    const first = contract.clientIndex * WINDOWS;
    const before = this.clientWindow(first);
    counts[first + window] = (counts[first + window] as number) + sign;
    const after = this.clientWindow(first);
    if (before === after) return;
    if (before !== NONE) raw[before * FIELDS + F_CLIENTS] = (raw[before * FIELDS + F_CLIENTS] as number) - 1;
    if (after !== NONE) raw[after * FIELDS + F_CLIENTS] = (raw[after * FIELDS + F_CLIENTS] as number) + 1;
  }

  private clientWindow(first: number): number {
    for (let w = 0; w < WINDOWS; w++) if ((this.clientCounts[first + w] as number) > 0) return w;
    return NONE;
  }
}
