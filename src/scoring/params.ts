// The estimator's parameters and the two presets of ../shared/domain/default-model.md.
// Every number the model marks *(param)* is a field here; rule switches that differ between
// the presets are fields too, so a community can tune a preset field by field.

export type ModelName = 'upwork-2025' | 'upwork-2015';
export const MODEL_NAMES: readonly ModelName[] = ['upwork-2025', 'upwork-2015'];
export const DEFAULT_MODEL: ModelName = 'upwork-2025';

/** What a contract of a given kind counts as once its grace or activity period is over. */
type LapsedOutcome = 'negative' | 'excluded';

interface ValueTier {
  /** Earnings up to and including this many USD get `weight`. */
  upTo: number;
  weight: number;
}

export interface ModelParams {
  /** Private feedback (0–10) at or above this is a success. */
  privateSuccessMin: number;
  /** Private feedback (0–10) at or below this is negative; in between is neutral. */
  privateNegativeMax: number;
  /** Stars (1–5) at or above this are a success. */
  starsSuccessMin: number;
  /** Stars below this are negative; in between is neutral. */
  starsNegativeBelow: number;
  /** Upwork since March 2020: a $0 contract with success or neutral feedback is left out. */
  excludeZeroEarningsPositiveFeedback: boolean;
  /** Days a $0 contract without feedback may run (open) or have run (closed) before it can count. */
  graceDays: number;
  /** A $0 contract without feedback, past its grace period and not the client's fault. */
  noActivityOutcome: LapsedOutcome;
  /** An open contract is active while its last payment is at most this many days old. */
  activeDays: number;
  /** An open, paid contract without feedback whose last payment is older than `activeDays`. */
  staleOpenOutcome: LapsedOutcome;
  /** A closed, paid contract that ended without feedback: left out, or neutral (2015). */
  missingFeedback: 'excluded' | 'neutral';
  /** With `missingFeedback: 'neutral'`: above this share of a window's counted contracts, all are negative. */
  missingFeedbackMaxShare: number;
  /** 'uniform': every contract weighs 1 (2015). 'value-and-duration': value tiers plus duration bonus. */
  weighting: 'uniform' | 'value-and-duration';
  /** Ascending value tiers; earnings above the last `upTo` get `topTierWeight`. */
  valueTiers: ValueTier[];
  topTierWeight: number;
  /** One bonus job of weight for every full period of this many months between first and last payment. */
  durationBonusMonths: number;
  /** 'add': tier + bonus. 'max': the larger of the tier and 1 + bonus (the duration replaces the tier). */
  durationBonusMode: 'add' | 'max';
  maxWeight: number;
  /** Whether the 3-month window and Trending = (3m + 6m) / 2 are computed. */
  trending: boolean;
  /** A window is eligible with at least this many counted contracts… */
  minOutcomes: number;
  /** …from at least this many distinct clients. */
  minClients: number;
  /** Months of paid work (first to last payment, or a client's span) that make work long-term. */
  longTermMonths: number;
  /** Clients with a payment in this many past months make up the long-term client score's base. */
  longTermClientLookbackMonths: number;
  /** Share of a neutral contract's weight added to S − N (0: neutral only dilutes). */
  neutralValue: number;
  /** Share of a negative contract's weight added to S − N (−1: the published formula). */
  negativeValue: number;
}

const UPWORK_2025: ModelParams = {
  privateSuccessMin: 9,
  privateNegativeMax: 6,
  starsSuccessMin: 4.5,
  starsNegativeBelow: 3.5,
  excludeZeroEarningsPositiveFeedback: true,
  graceDays: 60,
  noActivityOutcome: 'excluded',
  activeDays: 90,
  staleOpenOutcome: 'excluded',
  missingFeedback: 'excluded',
  missingFeedbackMaxShare: 0.3,
  weighting: 'value-and-duration',
  valueTiers: [
    { upTo: 250, weight: 1 },
    { upTo: 1000, weight: 1.25 },
  ],
  topTierWeight: 1.5,
  durationBonusMonths: 3,
  durationBonusMode: 'add',
  maxWeight: 8,
  trending: true,
  minOutcomes: 2,
  minClients: 2,
  longTermMonths: 3,
  longTermClientLookbackMonths: 12,
  neutralValue: 0,
  negativeValue: -1,
};

const UPWORK_2015: ModelParams = {
  ...UPWORK_2025,
  excludeZeroEarningsPositiveFeedback: false,
  noActivityOutcome: 'negative',
  staleOpenOutcome: 'negative',
  missingFeedback: 'neutral',
  weighting: 'uniform',
  trending: false,
  minOutcomes: 4,
  minClients: 3,
};

export const PRESETS: Readonly<Record<ModelName, Readonly<ModelParams>>> = {
  'upwork-2025': UPWORK_2025,
  'upwork-2015': UPWORK_2015,
};

export interface ModelOptions {
  /** The preset; `upwork-2025` when absent. */
  model?: ModelName;
  /** Fields that replace the preset's. */
  params?: Partial<ModelParams>;
}

/** A preset with a call's overrides applied. */
export interface ResolvedModel {
  name: ModelName;
  params: ModelParams;
}

export function resolveModel(options: ModelOptions = {}): ResolvedModel {
  const name = options.model ?? DEFAULT_MODEL;
  const preset = PRESETS[name];
  if (!preset) throw new RangeError(`unknown model preset: ${String(name)}`);
  return { name, params: options.params ? { ...preset, ...options.params } : preset };
}
