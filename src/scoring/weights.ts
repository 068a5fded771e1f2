// Step 3 of the model: how many "jobs" a counted contract weighs.

import { wholeMonthsBetween, type Day } from './dates.ts';
import type { ModelParams } from './params.ts';

export function valueTierWeight(earnings: number, params: ModelParams): number {
  for (const tier of params.valueTiers) {
    if (earnings <= tier.upTo) return tier.weight;
  }
  return params.topTierWeight;
}

/** A contract's weight; `lastPayment` is null when nothing was paid (no duration bonus then). */
export function contractWeight(
  earnings: number,
  firstPayment: Day,
  lastPayment: Day | null,
  params: ModelParams,
): number {
  const paidMonths = lastPayment === null ? 0 : wholeMonthsBetween(firstPayment, lastPayment);
  return weightFromPaidMonths(earnings, lastPayment !== null, paidMonths, params);
}

/** The same, from the whole months between first and last payment, when the caller has them. */
export function weightFromPaidMonths(earnings: number, paid: boolean, paidMonths: number, params: ModelParams): number {
  if (params.weighting === 'uniform') return 1;
  const tier = valueTierWeight(earnings, params);
  if (earnings <= 0 || !paid || params.durationBonusMonths <= 0) return Math.min(tier, params.maxWeight);
  // The largest k with firstPayment + k·period months ≤ lastPayment (addMonths is monotone).
  const bonus = Math.floor(paidMonths / params.durationBonusMonths);
  const weight = params.durationBonusMode === 'add' ? tier + bonus : Math.max(tier, 1 + bonus);
  return Math.min(weight, params.maxWeight);
}
