// Step 1 of the model: a contract's outcome. Most outcomes are fixed once a contract is known;
// an open contract's outcome can change once, when its grace period (no activity) or its active
// period (no payment lately) runs out. So a contract's outcome over time is described by two
// outcomes and the last day of the first one, which is what makes forecasts cheap.

import type { Day } from './dates.ts';
import type { ModelParams } from './params.ts';
import type { CountedOutcome, EndReason, Outcome, ReasonCode } from './types.ts';

export type { ReasonCode };

/**
 * 'missing' is a closed, paid contract that ended without feedback under a model that counts
 * them (2015): neutral, or negative when they are too large a share of the window.
 */
export type RawOutcome = Outcome | 'missing';

export interface Classified {
  outcome: RawOutcome;
  reason: ReasonCode;
}

/** The outcome until `switchDay` (inclusive) and the one after it; `switchDay` is Infinity for a fixed outcome. */
export interface OutcomeTimeline {
  before: Classified;
  after: Classified;
  switchDay: Day;
  /** What ends on the switch day: the grace period of a contract without activity, or its active period. */
  switchKind: 'grace' | 'active' | null;
}

/** The contract facts classification needs, with derived dates already resolved. */
export interface ClassifyInput {
  start: Day;
  end: Day | null;
  earnings: number;
  firstPayment: Day;
  lastPayment: Day | null;
  /** Whole calendar months from first to last payment (0 when nothing was paid). */
  paidMonths: number;
  stars: number | null;
  privateScore: number | null;
  endReason: EndReason;
  disputed: boolean;
  refunded: boolean;
  clientFlagged: boolean;
  pausedForClient: boolean;
  /** What the member knows Upwork counted; overrides every rule below (rule 0). */
  counted: CountedOutcome | null;
}

const RAW_OUTCOMES: readonly RawOutcome[] = ['success', 'negative', 'neutral', 'excluded', 'missing'];
const REASON_CODES: readonly ReasonCode[] = [
  'counted',
  'client-flagged',
  'paused-for-client',
  'disputed',
  'refunded',
  'private-feedback',
  'stars',
  'zero-earnings-positive-feedback',
  'client-unresponsive',
  'closed-quickly',
  'too-new',
  'no-activity',
  'long-term',
  'in-progress',
  'stale',
  'missing-feedback',
];

// Fixed timelines are shared frozen constants: a report classifies every contract, so not
// allocating pays, and a shared timeline can't be changed through one contract's report.
const FIXED = Object.fromEntries(
  REASON_CODES.map((reason) => [
    reason,
    Object.fromEntries(
      RAW_OUTCOMES.map((outcome) => {
        const classified = Object.freeze({ outcome, reason });
        return [
          outcome,
          Object.freeze({ before: classified, after: classified, switchDay: Infinity, switchKind: null }),
        ];
      }),
    ),
  ]),
) as Record<ReasonCode, Record<RawOutcome, OutcomeTimeline>>;

function fixed(outcome: RawOutcome, reason: ReasonCode): OutcomeTimeline {
  return FIXED[reason][outcome];
}

function byFeedback(input: ClassifyInput, params: ModelParams): Classified {
  if (input.privateScore !== null) {
    const score = input.privateScore;
    const outcome =
      score >= params.privateSuccessMin ? 'success' : score <= params.privateNegativeMax ? 'negative' : 'neutral';
    return { outcome, reason: 'private-feedback' };
  }
  const stars = input.stars ?? 0;
  const outcome =
    stars >= params.starsSuccessMin ? 'success' : stars < params.starsNegativeBelow ? 'negative' : 'neutral';
  return { outcome, reason: 'stars' };
}

/** Paid for at least `longTermMonths` calendar months, first to last payment. */
export function isLongTermWork(input: ClassifyInput, params: ModelParams): boolean {
  return input.lastPayment !== null && input.paidMonths >= params.longTermMonths;
}

export function classify(input: ClassifyInput, params: ModelParams): OutcomeTimeline {
  if (input.counted !== null) return fixed(input.counted, 'counted');
  if (input.clientFlagged) return fixed('excluded', 'client-flagged');
  if (input.pausedForClient) return fixed('excluded', 'paused-for-client');
  if (input.disputed) return fixed('negative', 'disputed');
  if (input.refunded) return fixed('negative', 'refunded');

  if (input.stars !== null || input.privateScore !== null) {
    const feedback = byFeedback(input, params);
    const positive = feedback.outcome === 'success' || feedback.outcome === 'neutral';
    if (params.excludeZeroEarningsPositiveFeedback && input.earnings === 0 && positive) {
      return fixed('excluded', 'zero-earnings-positive-feedback');
    }
    return fixed(feedback.outcome, feedback.reason);
  }

  if (input.earnings === 0) {
    if (input.endReason === 'client_unresponsive') return fixed('excluded', 'client-unresponsive');
    const lapsed: Classified = { outcome: params.noActivityOutcome, reason: 'no-activity' };
    if (input.end !== null) {
      if (input.end - input.start <= params.graceDays) return fixed('excluded', 'closed-quickly');
      return fixed(lapsed.outcome, lapsed.reason);
    }
    return {
      before: { outcome: 'excluded', reason: 'too-new' },
      after: lapsed,
      switchDay: input.start + params.graceDays,
      switchKind: 'grace',
    };
  }

  const longTerm = isLongTermWork(input, params);
  if (input.end !== null) {
    if (longTerm) return fixed('success', 'long-term');
    return fixed(params.missingFeedback === 'excluded' ? 'excluded' : 'missing', 'missing-feedback');
  }
  // Open and paid: counts (long-term) or waits (in progress) while payments are recent.
  return {
    before: longTerm ? { outcome: 'success', reason: 'long-term' } : { outcome: 'excluded', reason: 'in-progress' },
    after: { outcome: params.staleOpenOutcome, reason: 'stale' },
    switchDay: (input.lastPayment as Day) + params.activeDays,
    switchKind: 'active',
  };
}

/** The classification in force on a given day. */
export function classifiedOn(timeline: OutcomeTimeline, day: Day): Classified {
  return day <= timeline.switchDay ? timeline.before : timeline.after;
}
