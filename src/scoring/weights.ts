// Step 3 of the model: how many "jobs" a counted contract weighs.

import { addMonths, type Day } from './dates.ts';
import type { ModelParams } from './params.ts';

export function valueTierWeight(earnings: number, params: ModelParams): number {
  for (const tier of params.valueTiers) {
    if (earnings <= tier.upTo) return tier.weight;
  }
  return params.topTierWeight;
}

/** The largest k with firstPayment + k·period months ≤ lastPayment, stopping once `limit` is reached. */
export function fullPeriodsBetween(firstPayment: Day, lastPayment: Day, periodMonths: number, limit: number): number {
  let periods = 0;
  while (periods < limit && addMonths(firstPayment, periodMonths * (periods + 1)) <= lastPayment) periods++;
  return periods;
}

/** A contract's weight; `lastPayment` is null when nothing was paid (no duration bonus then). */
export function contractWeight(earnings: number, firstPayment: Day, lastPayment: Day | null, params: ModelParams): number {
  if (params.weighting === 'uniform') return 1;
  const tier = valueTierWeight(earnings, params);
  if (earnings <= 0 || lastPayment === null || params.durationBonusMonths <= 0) return Math.min(tier, params.maxWeight);
  const bonus = fullPeriodsBetween(firstPayment, lastPayment, params.durationBonusMonths, Math.ceil(params.maxWeight));
  const weight = params.durationBonusMode === 'add' ? tier + bonus : Math.max(tier, 1 + bonus);
  return Math.min(weight, params.maxWeight);
}
