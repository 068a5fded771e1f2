// The scoring core's inputs and outputs. Field names are the contract file's (one vocabulary
// from the file to the database); dates are YYYY-MM-DD strings, money is USD.

import type { ModelName } from './params.ts';

export const CONTRACT_TYPES = ['hourly', 'fixed'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const END_REASONS = ['completed', 'cancelled', 'client_unresponsive', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** What Upwork really counted for a contract, when the member knows it (overrides Step 1). */
export const COUNTED_OUTCOMES = ['success', 'neutral', 'negative', 'excluded'] as const;
export type CountedOutcome = (typeof COUNTED_OUTCOMES)[number];

/** A score the member saw on Upwork on a day; `longterm` is the long-term client score, when shown. */
export interface Observation {
  date: string;
  score: number;
  longterm?: number | null;
}

export interface Payment {
  date: string;
  amount: number;
}

/** One contract as the member describes it (default-model.md, "Inputs"). Validated before it gets here. */
export interface Contract {
  id: string;
  client: string;
  type: ContractType;
  start: string;
  end?: string | null;
  earnings?: number | null;
  payments?: Payment[] | null;
  lastPayment?: string | null;
  stars?: number | null;
  privateScore?: number | null;
  endReason?: EndReason | null;
  disputed?: boolean | null;
  refunded?: boolean | null;
  clientFlagged?: boolean | null;
  pausedForClient?: boolean | null;
  /** The outcome the member knows Upwork counted; replaces Step 1's outcome. */
  counted?: CountedOutcome | null;
}

export type Outcome = 'success' | 'negative' | 'neutral' | 'excluded';

/** Which rule of the model decided an outcome (stable, for tools; `reason` says it in words). */
export type ReasonCode =
  | 'counted'
  | 'client-flagged'
  | 'paused-for-client'
  | 'disputed'
  | 'refunded'
  | 'private-feedback'
  | 'stars'
  | 'zero-earnings-positive-feedback'
  | 'client-unresponsive'
  | 'closed-quickly'
  | 'too-new'
  | 'no-activity'
  | 'long-term'
  | 'in-progress'
  | 'stale'
  | 'missing-feedback';

export type WindowKey = '3m' | '6m' | '12m' | '24m';
export type ScoreSource = WindowKey | 'trending';
/** The windows that can be displayed, in the order ties are reported. */
export const DISPLAY_ORDER: readonly Exclude<ScoreSource, '3m'>[] = ['6m', '12m', '24m', 'trending'];
export const WINDOW_MONTHS: Readonly<Record<WindowKey, number>> = { '3m': 3, '6m': 6, '12m': 12, '24m': 24 };

export type Band = 'excellent' | 'solid' | 'struggling' | 'at-risk';

export interface WindowReport {
  /** Unrounded 100 × (S − N) / T floored at 0; null when nothing counts in the window or the model has no such window. */
  score: number | null;
  eligible: boolean;
  /** False for the 3m window in a model without trending. */
  inModel: boolean;
  /** Weighted successes (S), negatives (N) and total (T = S + N + neutrals). */
  successes: number;
  negatives: number;
  neutrals: number;
  total: number;
  /** Counted contracts (not excluded) in the window and their distinct clients. */
  outcomes: number;
  clients: number;
  /** How many more counted contracts and clients the window needs to be eligible. */
  missingOutcomes: number;
  missingClients: number;
}

export interface TrendingReport {
  score: number | null;
  eligible: boolean;
  inModel: boolean;
}

export interface ContractReport {
  id: string;
  client: string;
  outcome: Outcome;
  /** Why, in plain words. */
  reason: string;
  reasonCode: ReasonCode;
  weight: number;
  /** Whether the contract is inside the window this report counts it in. */
  inWindow: boolean;
  /** Every window the contract is inside on the as-of date. */
  windows: readonly WindowKey[];
}

export interface NoScoreReason {
  text: string;
  /** Counted contracts and distinct clients still missing in the 24-month window. */
  missingOutcomes: number;
  missingClients: number;
}

export interface ClientLongTermReport {
  client: string;
  longTerm: boolean;
  /** Earliest contract start with the client. */
  since: string;
  /** Latest of last payment, end, or the as-of date for an open contract. */
  until: string;
  /** Whole calendar months from `since` to `until`. */
  months: number;
  /** A payment in the lookback year: the client is in the score's base. */
  inPastYear: boolean;
  /** Some contract with the client is still open. */
  ongoing: boolean;
  /** When the client is (or becomes) long-term if the work continues: since + longTermMonths. */
  longTermOn: string;
}

export interface LongTermReport {
  /** Rounded percentage, null when no client paid in the past year. */
  percent: number | null;
  clients: number;
  longTermClients: number;
  /** Months of work that make a client long-term (the model's longTermMonths). */
  thresholdMonths: number;
  byClient: ClientLongTermReport[];
}

export interface ScoreReport {
  asOf: string;
  model: ModelName;
  /** The displayed score, a whole number, or null when no window is eligible. */
  score: number | null;
  window: Exclude<ScoreSource, '3m'> | null;
  band: Band | null;
  /** Set when `score` is null. */
  noScore: NoScoreReason | null;
  windows: Record<WindowKey, WindowReport> & { trending: TrendingReport };
  /** In input order; each outcome as counted in the displayed window, else the 24-month window. */
  contracts: ContractReport[];
  /** The window the contract outcomes are reported for. */
  contractsWindow: WindowKey;
  longTerm: LongTermReport;
}
