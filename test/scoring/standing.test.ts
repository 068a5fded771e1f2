// The leaderboard standing (score, window, long-term client %, counted outcomes) and validUntil:
// the last day on which re-scoring the same contracts still gives that standing. Hand-derived
// cases first (each also checks that the day after validUntil differs: validUntil is tight), then
// a property test that re-scores every day from the as-of date to validUntil, for both presets.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  forecastContracts,
  formatDay,
  parseDay,
  scoreContracts,
  type Contract,
  type ModelName,
  type ModelParams,
} from '../../src/scoring/index.ts';
import { standingOf, type Standing } from '../../src/scoring/standing.ts';
import { memberArb } from './arbitraries.ts';
import { contract, day, MODELS, success } from './fixtures.ts';

interface Options {
  model?: ModelName;
  params?: Partial<ModelParams>;
}

/** The standing as scoreContracts reports it on `asOf` (what re-scoring that day gives). */
function rescored(
  contracts: readonly Contract[],
  asOf: string | number,
  options: Options = {},
): Omit<Standing, 'validUntil'> {
  const report = scoreContracts(contracts, asOf, options);
  return {
    score: report.score,
    window: report.window,
    longTermPercent: report.longTerm.percent,
    outcomes: report.windows[report.contractsWindow].outcomes,
  };
}

function withoutValidUntil(standing: Standing): Omit<Standing, 'validUntil'> {
  const { validUntil: _, ...rest } = standing;
  return rest;
}

/** validUntil is exact: the standing holds on validUntil and differs the next day. */
function expectTight(contracts: readonly Contract[], standing: Standing, options: Options = {}): void {
  expect(rescored(contracts, standing.validUntil, options)).toEqual(withoutValidUntil(standing));
  expect(rescored(contracts, day(standing.validUntil) + 1, options)).not.toEqual(withoutValidUntil(standing));
}

describe('standingOf: hand-derived cases', () => {
  it('a counted contract leaving the 6-month window ends the standing the day before, though the score stays', () => {
    // upwork-2025, as-of 2024-06-30: 3m from 2024-03-30, 6m from 2023-12-30. Three 5★ $100 successes
    // (weight 1) from three clients, ended 2024-01-10 (A), 2024-03-10 (B), 2024-03-20 (C).
    //   3m: none. 6m = 12m = 24m: 3 successes, 3 clients → 100, shown from 6m (ties go to 6m).
    //   Long-term: no client spans 3 months (20-day contracts) → 0 of 3 → 0%.
    // A leaves 6m on the first D with D − 6 months > 2024-01-10: 2024-07-10 − 6 months = 2024-01-10
    // (still in), 2024-07-11 − 6 months = 2024-01-11 → 2024-07-11. Then 6m holds B and C: still
    // 100 from 6m, but 2 counted outcomes instead of 3 → validUntil = 2024-07-10.
    const contracts = [
      success('A', 'Client A', '2024-01-10'),
      success('B', 'Client B', '2024-03-10'),
      success('C', 'Client C', '2024-03-20'),
    ];
    const standing = standingOf(contracts, '2024-06-30');
    expect(standing).toEqual({ score: 100, window: '6m', longTermPercent: 0, outcomes: 3, validUntil: '2024-07-10' });
    expect(rescored(contracts, '2024-07-11')).toEqual({ score: 100, window: '6m', longTermPercent: 0, outcomes: 2 });
    expectTight(contracts, standing);
  });

  it('an ongoing client becomes long-term on start + 3 months', () => {
    // as-of 2024-06-30. Y: 5★, $1,000, 2024-01-01 → 2024-05-01: long-term client (2024-04-01 ≤ 2024-05-01).
    // X: open since 2024-04-15, $500, last paid 2024-06-20, no feedback: in progress (paid 2 whole
    // months < 3), stale after 2024-06-20 + 90 = 2024-09-18, but stale is also excluded in
    // upwork-2025, so X never counts. X's span runs to the day scored; long-term from
    // 2024-04-15 + 3 months = 2024-07-15.
    //   Score: Y alone, 1 counted outcome → no score, 24m outcomes 1 (Y leaves 3m on 2024-08-02,
    //   which changes no 24-month count). Long-term: 1 of 2 = 50% → on 2024-07-15, 2 of 2 = 100%.
    const contracts = [
      contract({ id: 'Y', client: 'Y', start: '2024-01-01', end: '2024-05-01', earnings: 1000, stars: 5 }),
      contract({
        id: 'X',
        client: 'X',
        start: '2024-04-15',
        end: null,
        earnings: 500,
        stars: null,
        lastPayment: '2024-06-20',
      }),
    ];
    const standing = standingOf(contracts, '2024-06-30');
    expect(standing).toEqual({ score: null, window: null, longTermPercent: 50, outcomes: 1, validUntil: '2024-07-14' });
    expect(rescored(contracts, '2024-07-15').longTermPercent).toBe(100);
    expectTight(contracts, standing);
  });

  it("a client's last payment leaves the lookback year on the first day it is out, with month-end clamping", () => {
    // upwork-2025, as-of 2024-01-31; the year ago is 2023-01-31.
    // P: 2022-12-01 → 2023-02-28, $500, no feedback: missing feedback (excluded), last paid on its
    // end 2023-02-28; not long-term (2022-12-01 + 3 months = 2023-03-01 > 2023-02-28).
    // Q: open since 2023-06-01, $2,000, last paid 2024-01-20, no feedback: long-term work (7 whole
    // months) → success until it goes stale on 2024-01-20 + 91 = 2024-04-20; long-term client.
    //   Score: Q alone → no score, 24m outcomes 1 until 2024-04-20. Long-term: Q of {P, Q} = 50%.
    // P leaves the base on the first D with D − 12 months > 2023-02-28. 2024 is a leap year:
    // 2024-02-29 − 12 months clamps to 2023-02-28 (still in), 2024-03-01 − 12 months = 2023-03-01
    // → out on 2024-03-01 (not on 2023-02-28 + 12 months + 1 day = 2024-02-29), 1 of 1 = 100%.
    const contracts = [
      contract({ id: 'P', client: 'P', start: '2022-12-01', end: '2023-02-28', earnings: 500, stars: null }),
      contract({
        id: 'Q',
        client: 'Q',
        start: '2023-06-01',
        end: null,
        earnings: 2000,
        stars: null,
        lastPayment: '2024-01-20',
      }),
    ];
    const standing = standingOf(contracts, '2024-01-31');
    expect(standing).toEqual({ score: null, window: null, longTermPercent: 50, outcomes: 1, validUntil: '2024-02-29' });
    expect(rescored(contracts, '2024-03-01').longTermPercent).toBe(100);
    expectTight(contracts, standing);
  });

  it('the same with a 6-month lookback: last paid 28 Feb stays in through 31 Aug (31 Aug − 6 months = 28 Feb)', () => {
    // longTermClientLookbackMonths = 6, as-of 2026-08-25 (− 6 months = 2026-02-25).
    // P: 2026-01-10 → 2026-02-28, $500, no feedback: excluded, last paid 2026-02-28, not long-term.
    // Q: open since 2025-12-01, $2,000, last paid 2026-08-20: long-term work (8 whole months),
    // success until stale on 2026-08-20 + 91 = 2026-11-19; long-term client (2026-03-01 ≤ as-of).
    //   Long-term: 1 of 2 = 50%. 2026-08-29, -30 and -31 minus 6 months all clamp to 2026-02-28
    //   (still in); 2026-09-01 − 6 months = 2026-03-01 → P is out on 2026-09-01: 100%.
    const options: Options = { params: { longTermClientLookbackMonths: 6 } };
    const contracts = [
      contract({ id: 'P', client: 'P', start: '2026-01-10', end: '2026-02-28', earnings: 500, stars: null }),
      contract({
        id: 'Q',
        client: 'Q',
        start: '2025-12-01',
        end: null,
        earnings: 2000,
        stars: null,
        lastPayment: '2026-08-20',
      }),
    ];
    const standing = standingOf(contracts, '2026-08-25', options);
    expect(standing).toEqual({ score: null, window: null, longTermPercent: 50, outcomes: 1, validUntil: '2026-08-31' });
    expectTight(contracts, standing, options);
  });

  it('a member with no contracts holds until the horizon, as-of + 12 months (clamped)', () => {
    // 2024-02-29 + 12 months = 2025-02-28.
    for (const model of MODELS) {
      expect(standingOf([], '2024-02-29', { model })).toEqual({
        score: null,
        window: null,
        longTermPercent: null,
        outcomes: 0,
        validUntil: '2025-02-28',
      });
    }
  });

  it('an open paid contract without payment dates is re-derived as paid on each day scored', () => {
    // upwork-2025, as-of 2024-06-30. B: 5★, $100, 2024-05-01 → 2024-06-01 (weight 1).
    // A: open since 2024-05-10, $600, no payments, no lastPayment, no feedback. Scored on day D it
    // is last paid on D (first payment = start), so it is in progress until its whole paid months
    // reach 3: 2024-05-10 + 3 months = 2024-08-10. From then it is long-term work, a success of
    // weight 1.25 ($600) + 1 (one 3-month period) = 2.25, and client A is long-term.
    //   Until 2024-08-09: B alone → no score, 24m outcomes 1; long-term 0 of 2 (A and B) = 0%.
    //   On 2024-08-10: A and B count (B in 3m: 2024-08-10 − 3 months = 2024-05-10 ≤ 2024-06-01),
    //   2 clients → 100 from 6m (ties go to 6m), 6m outcomes 2; long-term 1 of 2 = 50%.
    // The forecast freezes A as last paid on the as-of date (it goes stale on 2024-09-29 instead);
    // the leaderboard re-scores the contracts as they are, so it must expire on 2024-08-09.
    const contracts = [
      success('B', 'Client B', '2024-06-01', { start: '2024-05-01' }),
      contract({ id: 'A', client: 'Client A', start: '2024-05-10', end: null, earnings: 600, stars: null }),
    ];
    expect(forecastContracts(contracts, '2024-06-30').assumedPaidOnAsOf).toEqual(['A']);
    const standing = standingOf(contracts, '2024-06-30');
    expect(standing).toEqual({ score: null, window: null, longTermPercent: 0, outcomes: 1, validUntil: '2024-08-09' });
    expect(rescored(contracts, '2024-08-10')).toEqual({ score: 100, window: '6m', longTermPercent: 50, outcomes: 2 });
    expectTight(contracts, standing);
  });

  it("an open $0 contract's grace period ends (upwork-2015: it turns negative)", () => {
    // upwork-2015, as-of 2024-06-30. Four 5★ successes from three clients ended in 2024 → 100 from 6m.
    // Z: open since 2024-06-01, $0, no feedback: too new until 2024-06-01 + 60 = 2024-07-31, then
    // no activity → negative from 2024-08-01: 6m = 4 of 5 → 100 × (4 − 1) / 5 = 60.
    const contracts = [
      success('S1', 'Client A', '2024-03-01'),
      success('S2', 'Client B', '2024-04-01'),
      success('S3', 'Client C', '2024-05-01'),
      success('S4', 'Client A', '2024-06-01'),
      contract({ id: 'Z', client: 'Client D', start: '2024-06-01', end: null, earnings: 0, stars: null }),
    ];
    const options: Options = { model: 'upwork-2015' };
    const standing = standingOf(contracts, '2024-06-30', options);
    expect(standing).toMatchObject({ score: 100, window: '6m', outcomes: 4, validUntil: '2024-07-31' });
    expect(rescored(contracts, '2024-08-01', options)).toMatchObject({ score: 60, window: '6m', outcomes: 5 });
    expectTight(contracts, standing, options);
  });
});

/**
 * Re-scores every day from the as-of date to validUntil: each gives the standing. validUntil is
 * at most the horizon (as-of + 12 months); before it, the next day differs (validUntil is exact).
 */
function checkHolds(contracts: readonly Contract[], asOf: string, options: Options): void {
  const standing = standingOf(contracts, asOf, options);
  const expected = withoutValidUntil(standing);
  const first = day(asOf);
  const last = parseDay(standing.validUntil) as number;
  const horizon = addMonths(first, 12);
  expect(last).toBeGreaterThanOrEqual(first);
  expect(last).toBeLessThanOrEqual(horizon);
  for (let d = first; d <= last; d++) {
    const got = rescored(contracts, d, options);
    if (
      got.score !== expected.score ||
      got.window !== expected.window ||
      got.longTermPercent !== expected.longTermPercent ||
      got.outcomes !== expected.outcomes
    ) {
      expect.fail(
        `as of ${asOf}, valid until ${standing.validUntil}: re-scoring on ${formatDay(d)} gives ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`,
      );
    }
  }
  if (last < horizon)
    expect(rescored(contracts, last + 1, options), `the day after ${standing.validUntil}`).not.toEqual(expected);
}

describe('standingOf: re-scoring every day up to validUntil gives the same standing', () => {
  for (const model of MODELS) {
    it(model, () => {
      fc.assert(
        fc.property(memberArb, (member) => checkHolds(member.contracts, member.asOf, { model })),
        { numRuns: 150 },
      );
    });
  }

  it('with open paid contracts that have no payment dates, and other parameters', () => {
    // Strips the payment dates of some open paid contracts (re-derived on each day scored) and
    // varies the parameters that move dates: lookback, long-term length, duration bonus, periods.
    const paramsArb: fc.Arbitrary<Partial<ModelParams>> = fc.record(
      {
        durationBonusMode: fc.constantFrom('add' as const, 'max' as const),
        durationBonusMonths: fc.constantFrom(0, 1, 3),
        longTermMonths: fc.constantFrom(1, 2, 3, 6),
        longTermClientLookbackMonths: fc.constantFrom(1, 6, 12),
        activeDays: fc.constantFrom(30, 90),
        graceDays: fc.constantFrom(30, 60),
      },
      { requiredKeys: [] },
    );
    const strip = fc.array(fc.boolean(), { minLength: 30, maxLength: 30 });
    fc.assert(
      fc.property(memberArb, strip, paramsArb, fc.constantFrom(...MODELS), (member, stripped, params, model) => {
        const contracts = member.contracts.map((c, index): Contract => {
          if (c.end || !stripped[index]) return c;
          const { payments: _payments, lastPayment: _lastPayment, ...rest } = c;
          return { ...rest, earnings: Math.max(1, c.earnings ?? 0) };
        });
        checkHolds(contracts, member.asOf, { model, params });
      }),
      { numRuns: 150 },
    );
  });
});
