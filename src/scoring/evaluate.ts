// Steps 2, 4 and 5 of the model on one day: window totals, window scores, eligibility and the
// displayed score. This is the hot loop of scoring, forecasts and plans: no allocation per
// contract, numbers only. The windows are nested (3m ⊂ 6m ⊂ 12m ⊂ 24m), so each contract is
// added to the smallest window that holds it and the totals are summed outwards.

import { subMonths, type Day } from './dates.ts';
import type { ModelParams } from './params.ts';
import {
  EXCLUDED,
  MISSING,
  NEGATIVE,
  NEUTRAL,
  SUCCESS,
  type PreparedContract,
  type PreparedMember,
} from './prepare.ts';
import type { Band, ScoreSource } from './types.ts';

export const WINDOW_COUNT = 4;
/** Months of the windows, smallest first: index 0 is 3m, 1 is 6m, 2 is 12m, 3 is 24m. */
export const WINDOW_MONTH_LIST = [3, 6, 12, 24] as const;

// Field offsets of one window in a totals array.
export const F_SUCCESSES = 0;
export const F_NEGATIVES = 1;
export const F_NEUTRALS = 2;
export const F_TOTAL = 3;
export const F_OUTCOMES = 4;
export const F_CLIENTS = 5;
export const F_MISSING_COUNT = 6;
export const F_MISSING_WEIGHT = 7;
/** 1 when missing feedback in the window exceeds its share and counts as negative. */
export const F_MISSING_EXCESSIVE = 8;
export const FIELDS = 9;

export function newTotals(): Float64Array {
  return new Float64Array(WINDOW_COUNT * FIELDS);
}

/** Hypothetical successful contracts, each from a new client, closed on the day scored. */
export interface ExtraSuccesses {
  count: number;
  weight: number;
}

/** The smallest window (0–3) that holds a reference day, or -1 when it is in none. */
export function smallestWindow(referenceDay: Day, cutoffs: ArrayLike<number>): number {
  for (let w = 0; w < WINDOW_COUNT; w++) {
    if (referenceDay >= (cutoffs[w] as number)) return w;
  }
  return -1;
}

export function windowCutoffs(day: Day, out: Float64Array = new Float64Array(WINDOW_COUNT)): Float64Array {
  for (let w = 0; w < WINDOW_COUNT; w++) out[w] = subMonths(day, WINDOW_MONTH_LIST[w] as number);
  return out;
}

function add(values: Float64Array, index: number, amount: number): void {
  values[index] = (values[index] as number) + amount;
}

const scratchCutoffs = new Float64Array(WINDOW_COUNT);
let scratchClientWindow = new Int8Array(64);

/** Fills `totals` with every window's weighted sums and counts on `day`. */
export function computeTotals(
  member: PreparedMember,
  day: Day,
  totals: Float64Array,
  extra: ExtraSuccesses | null = null,
): Float64Array {
  computeRawTotals(member, day, totals);
  if (extra) addExtraSuccesses(totals, extra);
  return finishTotals(totals, member.model.params.missingFeedbackMaxShare);
}

/**
 * Totals before finishTotals: each counted contract, and each client, in its smallest window only.
 * The planner computes them once and finishes a copy per count of extra successes.
 */
export function computeRawTotals(member: PreparedMember, day: Day, totals: Float64Array): Float64Array {
  const clientWindow = startRawTotals(totals, day, member.clientNames.length);
  for (const contract of member.contracts) addContract(totals, clientWindow, contract, day, scratchCutoffs);
  return endRawTotals(totals, clientWindow, member.clientNames.length);
}

/** Clears `totals` and the scratch cutoffs and client windows for adding contracts on `day`. */
export function startRawTotals(totals: Float64Array, day: Day, clientCount: number): Int8Array {
  totals.fill(0);
  windowCutoffs(day, scratchCutoffs);
  if (scratchClientWindow.length < clientCount) scratchClientWindow = new Int8Array(clientCount * 2);
  scratchClientWindow.fill(WINDOW_COUNT, 0, clientCount);
  return scratchClientWindow;
}

/** Adds one contract as it stands on `day` to its smallest window, and notes its client's. */
export function addContract(
  totals: Float64Array,
  clientWindow: Int8Array,
  contract: PreparedContract,
  day: Day,
  cutoffs: Float64Array = scratchCutoffs,
): void {
  const code = day <= contract.switchDay ? contract.codeBefore : contract.codeAfter;
  if (code === EXCLUDED) return;
  const w = smallestWindow(contract.referenceDay, cutoffs);
  if (w < 0) return;
  const base = w * FIELDS;
  const weight = contract.weight;
  if (code === SUCCESS) add(totals, base + F_SUCCESSES, weight);
  else if (code === NEGATIVE) add(totals, base + F_NEGATIVES, weight);
  else if (code === NEUTRAL) add(totals, base + F_NEUTRALS, weight);
  else if (code === MISSING) {
    add(totals, base + F_MISSING_COUNT, 1);
    add(totals, base + F_MISSING_WEIGHT, weight);
  }
  add(totals, base + F_OUTCOMES, 1);
  if ((clientWindow[contract.clientIndex] as number) > w) clientWindow[contract.clientIndex] = w;
}

/** Counts each client once, in the smallest window any of its contracts is in. */
export function endRawTotals(totals: Float64Array, clientWindow: Int8Array, clientCount: number): Float64Array {
  for (let c = 0; c < clientCount; c++) {
    const w = clientWindow[c] as number;
    if (w < WINDOW_COUNT) add(totals, w * FIELDS + F_CLIENTS, 1);
  }
  return totals;
}

/** Adds hypothetical successes (each a new client, closed on the day scored) to raw totals. */
export function addExtraSuccesses(totals: Float64Array, extra: ExtraSuccesses): void {
  if (extra.count <= 0) return;
  add(totals, F_SUCCESSES, extra.count * extra.weight);
  add(totals, F_OUTCOMES, extra.count);
  add(totals, F_CLIENTS, extra.count);
}

/**
 * Completes totals that hold each contract in its smallest window only: sums them outwards
 * (every window holds the smaller ones), settles missing feedback and sets T. Shared with the
 * explain search, which adjusts a few contracts' entries and finishes again.
 */
export function finishTotals(totals: Float64Array, maxShare: number): Float64Array {
  for (let w = 1; w < WINDOW_COUNT; w++) {
    const base = w * FIELDS;
    const inner = base - FIELDS;
    for (let f = 0; f < F_MISSING_EXCESSIVE; f++) add(totals, base + f, totals[inner + f] as number);
  }
  for (let w = 0; w < WINDOW_COUNT; w++) {
    const base = w * FIELDS;
    const outcomes = totals[base + F_OUTCOMES] as number;
    const missingWeight = totals[base + F_MISSING_WEIGHT] as number;
    const excessive = outcomes > 0 && (totals[base + F_MISSING_COUNT] as number) / outcomes > maxShare;
    totals[base + F_MISSING_EXCESSIVE] = excessive ? 1 : 0;
    if (excessive) add(totals, base + F_NEGATIVES, missingWeight);
    else add(totals, base + F_NEUTRALS, missingWeight);
    totals[base + F_TOTAL] =
      (totals[base + F_SUCCESSES] as number) +
      (totals[base + F_NEGATIVES] as number) +
      (totals[base + F_NEUTRALS] as number);
  }
  return totals;
}

/**
 * 100 × (S − N) / T, floored at 0, unrounded; null when nothing counts. With graded values
 * (params neutralValue, negativeValue) the numerator is S + neutralValue·Nu + negativeValue·N; the
 * defaults (0, −1) take the exact S − N path so today's results are unchanged bit for bit.
 */
export function windowScore(
  totals: Float64Array,
  w: number,
  params?: Pick<ModelParams, 'neutralValue' | 'negativeValue'>,
): number | null {
  const base = w * FIELDS;
  const total = totals[base + F_TOTAL] as number;
  if (total <= 0) return null;
  const successes = totals[base + F_SUCCESSES] as number;
  const negatives = totals[base + F_NEGATIVES] as number;
  const graded = params !== undefined && (params.neutralValue !== 0 || params.negativeValue !== -1);
  const net = graded
    ? successes + params.neutralValue * (totals[base + F_NEUTRALS] as number) + params.negativeValue * negatives
    : successes - negatives;
  const score = (100 * net) / total;
  return score > 0 ? score : 0;
}

export function isEligible(totals: Float64Array, w: number, params: ModelParams): boolean {
  const base = w * FIELDS;
  return (
    (totals[base + F_TOTAL] as number) > 0 &&
    (totals[base + F_OUTCOMES] as number) >= params.minOutcomes &&
    (totals[base + F_CLIENTS] as number) >= params.minClients
  );
}

/** Halves round up. The tolerance absorbs binary rounding of averages such as (a + b) / 2. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

export function bandOf(score: number): Band {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'solid';
  if (score >= 75) return 'struggling';
  return 'at-risk';
}

export interface Displayed {
  /** Rounded displayed score, or null. */
  score: number | null;
  source: Exclude<ScoreSource, '3m'> | null;
  /** Unrounded value of the source. */
  raw: number | null;
}

export interface ScoreCandidate {
  source: Exclude<ScoreSource, '3m'>;
  score: number | null;
  eligible: boolean;
}

/** The highest eligible candidate, rounded; ties go to the first in the given order. */
export function pickDisplayed(candidates: readonly ScoreCandidate[]): Displayed {
  let best: ScoreCandidate | null = null;
  for (const candidate of candidates) {
    if (!candidate.eligible || candidate.score === null) continue;
    if (best === null || candidate.score > (best.score as number)) best = candidate;
  }
  if (best === null) return { score: null, source: null, raw: null };
  return { score: roundHalfUp(best.score as number), source: best.source, raw: best.score };
}

/** Trending = (3m + 6m) / 2, eligible when both are. */
export function trendingOf(totals: Float64Array, params: ModelParams): { score: number | null; eligible: boolean } {
  if (!params.trending) return { score: null, eligible: false };
  const three = windowScore(totals, 0, params);
  const six = windowScore(totals, 1, params);
  const eligible = isEligible(totals, 0, params) && isEligible(totals, 1, params);
  return { score: three === null || six === null ? null : (three + six) / 2, eligible };
}

export function displayedFromTotals(totals: Float64Array, params: ModelParams): Displayed {
  const trending = trendingOf(totals, params);
  return pickDisplayed([
    { source: '6m', score: windowScore(totals, 1, params), eligible: isEligible(totals, 1, params) },
    { source: '12m', score: windowScore(totals, 2, params), eligible: isEligible(totals, 2, params) },
    { source: '24m', score: windowScore(totals, 3, params), eligible: isEligible(totals, 3, params) },
    { source: 'trending', score: trending.score, eligible: trending.eligible },
  ]);
}

/**
 * Only the rounded displayed score of finished totals, without building the candidates: what the
 * explain search asks thousands of times. The same choice as displayedFromTotals (ties don't
 * change the value).
 */
export function displayedScoreFromTotals(totals: Float64Array, params: ModelParams): number | null {
  let best = -1;
  for (let w = 1; w < WINDOW_COUNT; w++) {
    if (!isEligible(totals, w, params)) continue;
    const score = windowScore(totals, w, params) as number;
    if (score > best) best = score;
  }
  if (params.trending && isEligible(totals, 0, params) && isEligible(totals, 1, params)) {
    const trending = ((windowScore(totals, 0, params) as number) + (windowScore(totals, 1, params) as number)) / 2;
    if (trending > best) best = trending;
  }
  return best < 0 ? null : roundHalfUp(best);
}

/** The displayed score of a prepared member on any day from its as-of date on. */
export function displayedOn(
  member: PreparedMember,
  day: Day,
  totals: Float64Array = newTotals(),
  extra: ExtraSuccesses | null = null,
): Displayed {
  return displayedFromTotals(computeTotals(member, day, totals, extra), member.model.params);
}
