// Random model options for the equivalence tests: either preset, with overrides of the fields
// that change which contracts count, how much they weigh and when a window is eligible. Weights
// include values that are not exact binary fractions (1.1, 0.3), whose sums depend on the order
// they are added in, so the incremental code's exact fallback is exercised too.

import fc from 'fast-check';
import type { ModelOptions, ModelParams } from '../../../src/scoring/index.ts';

const weightArb = fc.oneof(fc.constantFrom(0.5, 1, 1.25, 1.5, 2, 3), fc.constantFrom(0.3, 1.1, 1.7, 2.05));

const paramsArb: fc.Arbitrary<Partial<ModelParams>> = fc.record(
  {
    trending: fc.boolean(),
    graceDays: fc.constantFrom(0, 30, 60, 90),
    activeDays: fc.constantFrom(30, 90, 120),
    noActivityOutcome: fc.constantFrom('negative' as const, 'excluded' as const),
    staleOpenOutcome: fc.constantFrom('negative' as const, 'excluded' as const),
    missingFeedback: fc.constantFrom('excluded' as const, 'neutral' as const),
    missingFeedbackMaxShare: fc.constantFrom(0, 0.1, 0.3, 0.5, 1),
    weighting: fc.constantFrom('uniform' as const, 'value-and-duration' as const),
    valueTiers: fc.tuple(weightArb, weightArb).map(([a, b]) => [
      { upTo: 250, weight: a },
      { upTo: 1000, weight: b },
    ]),
    topTierWeight: weightArb,
    durationBonusMonths: fc.constantFrom(0, 1, 3),
    durationBonusMode: fc.constantFrom('add' as const, 'max' as const),
    maxWeight: fc.constantFrom(1, 4, 8),
    minOutcomes: fc.integer({ min: 1, max: 5 }),
    minClients: fc.integer({ min: 1, max: 4 }),
    longTermMonths: fc.constantFrom(1, 3, 6),
    neutralValue: fc.constantFrom(0, 0.5),
    negativeValue: fc.constantFrom(-1, -2),
  },
  { requiredKeys: [] },
);

export const modelOptionsArb: fc.Arbitrary<ModelOptions> = fc.record(
  { model: fc.constantFrom('upwork-2025' as const, 'upwork-2015' as const), params: paramsArb },
  { requiredKeys: ['model'] },
);
