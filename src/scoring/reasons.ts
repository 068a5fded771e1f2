// Each outcome's reason in plain words, with the contract's own numbers and dates.

import { classifiedOn, type ReasonCode } from './classify.ts';
import { formatDay, type Day } from './dates.ts';
import type { PreparedContract } from './prepare.ts';
import type { ModelParams } from './params.ts';
import type { Outcome } from './types.ts';

function stars(value: number): string {
  return `${value} star${value === 1 ? '' : 's'}`;
}

// Reasons that depend only on the rule, the outcome, the feedback value and the parameters are
// built once per parameter set: a member's report names the same few reasons many times.
interface ReasonCache {
  byRule: Map<string, string>;
  byStars: Map<number, string>;
  byPrivateScore: Map<number, string>;
}
const cachedReasons = new WeakMap<ModelParams, ReasonCache>();

function cacheFor(params: ModelParams): ReasonCache {
  let cache = cachedReasons.get(params);
  if (!cache) cachedReasons.set(params, (cache = { byRule: new Map(), byStars: new Map(), byPrivateScore: new Map() }));
  return cache;
}

export function describeReason(
  contract: PreparedContract,
  reason: ReasonCode,
  outcome: Outcome,
  params: ModelParams,
): string {
  if (reason === 'too-new' || reason === 'in-progress' || reason === 'stale') {
    return buildReason(contract, reason, outcome, params);
  }
  const cache = cacheFor(params);
  // Stars and private scores decide the outcome on their own, so the value is the whole key.
  let map: Map<string | number, string>;
  let key: string | number;
  if (reason === 'stars') {
    map = cache.byStars as Map<string | number, string>;
    key = contract.input.stars ?? 0;
  } else if (reason === 'private-feedback') {
    map = cache.byPrivateScore as Map<string | number, string>;
    key = contract.input.privateScore ?? 0;
  } else {
    map = cache.byRule as Map<string | number, string>;
    key = reason + outcome;
  }
  let text = map.get(key);
  if (text === undefined) map.set(key, (text = buildReason(contract, reason, outcome, params)));
  return text;
}

function buildReason(contract: PreparedContract, reason: ReasonCode, outcome: Outcome, params: ModelParams): string {
  const input = contract.input;
  switch (reason) {
    case 'counted':
      return `${outcome === 'excluded' ? 'left out' : `counted as ${outcome}`} (recorded by you)`;
    case 'client-flagged':
      return 'left out: Upwork excluded this client (a pattern of poor feedback or a suspended account)';
    case 'paused-for-client':
      return "left out: paused because of the client's behaviour";
    case 'disputed':
      return 'negative: the contract was disputed';
    case 'refunded':
      return 'negative: the client was refunded';
    case 'private-feedback':
      return `${outcome}: private feedback ${input.privateScore}/10 (success ≥ ${params.privateSuccessMin}, negative ≤ ${params.privateNegativeMax})`;
    case 'stars':
      return `${outcome}: ${stars(input.stars ?? 0)} (success ≥ ${params.starsSuccessMin}, negative < ${params.starsNegativeBelow})`;
    case 'zero-earnings-positive-feedback':
      return 'left out: $0 earned with positive feedback does not count (since March 2020)';
    case 'client-unresponsive':
      return 'left out: no activity because the client was unresponsive (a poor client interaction)';
    case 'closed-quickly':
      return `left out: no payment or feedback, but closed within ${params.graceDays} days`;
    case 'too-new':
      return `left out for now: no payment or feedback yet, within ${params.graceDays} days of its start (until ${formatDay(contract.start + params.graceDays)})`;
    case 'no-activity':
      return outcome === 'negative'
        ? `negative: no payment and no feedback for more than ${params.graceDays} days (no activity)`
        : 'left out: no payment and no feedback has no impact';
    case 'long-term':
      return `success: long-term work (paid over ${params.longTermMonths}+ months) counts without feedback`;
    case 'in-progress':
      return `left out while in progress: open, last paid ${formatDay(contract.lastPayment as Day)}`;
    case 'stale':
      return outcome === 'negative'
        ? `negative: open with no payment for more than ${params.activeDays} days (last paid ${formatDay(contract.lastPayment as Day)})`
        : `left out: open with no payment for more than ${params.activeDays} days, not eligible (last paid ${formatDay(contract.lastPayment as Day)})`;
    case 'missing-feedback':
      if (outcome === 'excluded') return 'left out: ended without feedback (no impact since November 2020)';
      if (outcome === 'negative') {
        return `negative: ended without feedback, and such contracts are more than ${Math.round(params.missingFeedbackMaxShare * 100)}% of this window`;
      }
      return `neutral: ended without feedback (counts against you only above ${Math.round(params.missingFeedbackMaxShare * 100)}% of contracts)`;
  }
}

/** Outcome and reason of a contract on a day; `missingExcessive` resolves 'missing' for its window. */
export function outcomeOn(
  contract: PreparedContract,
  day: Day,
  missingExcessive: boolean,
  params: ModelParams,
): { outcome: Outcome; reason: string; reasonCode: ReasonCode } {
  const classified = classifiedOn(contract.timeline, day);
  const outcome: Outcome =
    classified.outcome === 'missing' ? (missingExcessive ? 'negative' : 'neutral') : classified.outcome;
  return {
    outcome,
    reason: describeReason(contract, classified.reason, outcome, params),
    reasonCode: classified.reason,
  };
}
