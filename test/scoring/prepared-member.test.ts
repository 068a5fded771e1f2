// Issue 15: a member prepared once can be prepared again for another day or model without
// parsing its contracts again (the leaderboard scores today and the next standing). What comes
// out must be exactly what preparing the contracts afresh gives, and so must every score.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayedScore, prepareMember, scoreWithForecast, standingOf } from '../../src/scoring/index.ts';
import { formatDay, parseDay } from '../../src/scoring/dates.ts';
import { memberArb } from './arbitraries.ts';
import { modelOptionsArb } from './reference/model-options-arbitrary.ts';

const laterArb = fc.oneof(fc.constantFrom(0, 1, 30, 89, 90, 91, 365), fc.integer({ min: 0, max: 800 }));

describe('a prepared member, prepared again', () => {
  it('on another day and under other options equals the contracts prepared afresh', () => {
    fc.assert(
      fc.property(
        memberArb,
        modelOptionsArb,
        modelOptionsArb,
        laterArb,
        ({ contracts, asOf }, first, second, later) => {
          const day = formatDay((parseDay(asOf) as number) + later);
          const once = prepareMember(contracts, asOf, first);
          expect(prepareMember(once, day, second)).toEqual(prepareMember(contracts, day, second));
          expect(standingOf(once, day, second)).toEqual(standingOf(contracts, day, second));
          expect(displayedScore(once, day, second)).toEqual(displayedScore(contracts, day, second));
          expect(scoreWithForecast(once, day, second)).toEqual(scoreWithForecast(contracts, day, second));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is used as it is when prepared on that day under equal options', () => {
    fc.assert(
      fc.property(memberArb, modelOptionsArb, ({ contracts, asOf }, options) => {
        const once = prepareMember(contracts, asOf, options);
        // Options built again (as modelOptionsOf does per call) resolve to params equal field by
        // field, not the same object.
        const again = { ...options, ...(options.params && { params: { ...options.params } }) };
        expect(prepareMember(once, asOf, again)).toBe(once);
        // Another day is prepared anew.
        expect(prepareMember(once, (parseDay(asOf) as number) + 1, again)).not.toBe(once);
      }),
      { numRuns: 100 },
    );
  });
});
