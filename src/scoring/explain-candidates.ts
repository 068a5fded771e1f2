// The hidden facts the explain search may assume, from the more to the less plausible
// (default-model.md, "Explaining a gap"). A fact sets one contract's `counted` to another outcome.

import {
  earningsOf,
  EXCLUDED,
  MISSING,
  NEGATIVE,
  NEUTRAL,
  SUCCESS,
  type OutcomeCode,
  type PreparedContract,
} from './prepare.ts';
import type { ModelParams } from './params.ts';
import type { Contract, CountedOutcome } from './types.ts';

export const OUTCOME_CODE: Readonly<Record<CountedOutcome, OutcomeCode>> = {
  success: SUCCESS,
  neutral: NEUTRAL,
  negative: NEGATIVE,
  excluded: EXCLUDED,
};

/** A contract, what the model counts it as on the latest recorded day, and what is known of it then. */
export interface CandidateContext {
  contract: Contract;
  /** The contract as prepared on the latest recorded day. */
  prepared: PreparedContract;
  from: CountedOutcome;
  latestDay: number;
  params: ModelParams;
}

export interface CandidateRule {
  key: string;
  /** The outcomes this rule suggests for the contract (the search drops its current one). */
  targets(context: CandidateContext): readonly CountedOutcome[];
  /** Why Upwork may have counted it so, e.g. "most likely private feedback below 9". */
  likely(context: CandidateContext, to: CountedOutcome): string;
}

const NONE: readonly CountedOutcome[] = [];
const hasFeedback = (contract: Contract) => contract.stars != null || contract.privateScore != null;

export const CANDIDATE_RULES: readonly CandidateRule[] = [
  {
    key: 'hidden-private-feedback',
    targets: ({ contract }) =>
      contract.stars != null && contract.stars >= 3.5 && contract.stars < 5 ? ['neutral', 'negative'] : NONE,
    likely: ({ params }, to) =>
      to === 'neutral'
        ? `most likely private feedback below ${params.privateSuccessMin}`
        : `most likely private feedback of ${params.privateNegativeMax} or less`,
  },
  {
    key: 'refund-by-feedback',
    targets: ({ contract }) => (contract.refunded ? ['success', 'neutral'] : NONE),
    likely: () => 'most likely counted by its feedback, not as a refund',
  },
  {
    key: 'zero-cancelled-paused',
    targets: ({ contract }) =>
      earningsOf(contract) === 0 || contract.endReason === 'cancelled' || contract.pausedForClient
        ? ['neutral', 'negative']
        : NONE,
    likely: ({ contract }) =>
      contract.pausedForClient
        ? 'most likely the pause was not put down to the client'
        : contract.endReason === 'cancelled'
          ? 'most likely the cancellation counted'
          : 'most likely the $0 contract counted',
  },
  {
    key: 'missing-feedback',
    targets: ({ contract }) => (contract.end && !hasFeedback(contract) ? ['neutral', 'negative'] : NONE),
    likely: () => 'most likely the missing feedback counted',
  },
  {
    key: 'removed-or-flagged',
    targets: ({ from }) => (from === 'negative' ? ['neutral', 'excluded'] : from === 'neutral' ? ['excluded'] : NONE),
    likely: () => 'most likely the feedback was removed or the client was flagged after the fact',
  },
  {
    key: 'stale-open',
    targets: ({ contract, prepared, latestDay, params }) =>
      !contract.end && prepared.lastPayment !== null && latestDay - prepared.lastPayment > params.activeDays
        ? ['negative']
        : NONE,
    likely: ({ params }) => `most likely counted for no payment in more than ${params.activeDays} days`,
  },
  {
    key: 'five-stars-private',
    targets: ({ contract }) => (contract.stars != null && contract.stars >= 5 ? ['neutral', 'negative'] : NONE),
    likely: () => 'only if hidden private feedback disagreed with 5 stars (least plausible)',
  },
];

/** The outcome a code stands for; missing feedback (2015) by its window's rule. */
export function countedOutcomeOf(code: number, missingExcessive: boolean): CountedOutcome {
  if (code === SUCCESS) return 'success';
  if (code === NEGATIVE) return 'negative';
  if (code === NEUTRAL) return 'neutral';
  if (code === MISSING) return missingExcessive ? 'negative' : 'neutral';
  return 'excluded';
}

/** "c4 (Acme Ltd, 4.6★)": the id with what identifies the contract at a glance. */
export function describeContract(contract: Contract): string {
  const facts: string[] = [contract.client.trim()];
  if (contract.stars != null) facts.push(`${contract.stars}★`);
  else if (contract.privateScore != null) facts.push(`private ${contract.privateScore}/10`);
  else if (contract.end) facts.push('no feedback');
  if (!contract.end) facts.push('open');
  if (earningsOf(contract) === 0) facts.push('$0');
  if (contract.refunded) facts.push('refunded');
  if (contract.endReason === 'cancelled') facts.push('cancelled');
  if (contract.pausedForClient) facts.push('paused');
  return `${contract.id} (${facts.join(', ')})`;
}

export function describeOutcome(to: CountedOutcome): string {
  return to === 'excluded' ? 'left out' : `counted as ${to}`;
}
