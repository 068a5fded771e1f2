// Step 3 of default-model.md: weights. upwork-2015: every counted contract weighs 1.
// upwork-2025: value tier (≤ $250 → 1, ≤ $1,000 → 1.25, > $1,000 → 1.5) plus 1 for every full
// 3 calendar months from first to last payment (largest k with first + 3k months ≤ last),
// at most 8, no bonus when earnings = 0.

import { describe, expect, it } from 'vitest';
import { contractWeight, PRESETS, valueTierWeight } from '../../src/scoring/index.ts';
import { classifyOne, contract, day, negative, score, success } from './fixtures.ts';

const AS_OF = '2024-12-31';
const P2025 = PRESETS['upwork-2025'];

describe('Step 3: upwork-2015 weighs every contract 1', () => {
  it('a $5,000 contract paid over 24 months weighs 1', () => {
    const c = contract({ earnings: 5000, start: '2022-01-01', end: '2024-01-01' });
    expect(classifyOne(c, AS_OF, { model: 'upwork-2015' }).weight).toBe(1);
  });

  it('contractWeight with the 2015 preset is 1 whatever the earnings and dates', () => {
    expect(contractWeight(5000, day('2020-01-01'), day('2024-01-01'), PRESETS['upwork-2015'])).toBe(1);
  });
});

describe('Step 3: upwork-2025 value tiers', () => {
  // 2024-01-01 → 2024-02-01 is less than 3 months: no duration bonus, the weight is the tier.
  it.each([
    [1, 1],
    [250, 1],
    [250.01, 1.25],
    [1000, 1.25],
    [1000.01, 1.5],
    [50000, 1.5],
  ])('$%s weighs %s', (earnings, weight) => {
    expect(classifyOne(contract({ earnings }), AS_OF).weight).toBe(weight);
    expect(valueTierWeight(earnings, P2025)).toBe(weight);
  });
});

describe('Step 3: upwork-2025 duration bonus', () => {
  it('exactly 3 months from first to last payment adds 1', () => {
    // first = start 2024-01-01, last = end 2024-04-01; 2024-01-01 + 3 months = 2024-04-01 ≤ 2024-04-01 → k = 1; tier 1 + 1 = 2.
    expect(classifyOne(contract({ start: '2024-01-01', end: '2024-04-01' }), AS_OF).weight).toBe(2);
  });

  it('a day short of 3 months adds nothing', () => {
    // 2024-04-01 > 2024-03-31 → k = 0; weight = tier 1.
    expect(classifyOne(contract({ start: '2024-01-01', end: '2024-03-31' }), AS_OF).weight).toBe(1);
  });

  it('counts from the first to the last payment, not from start to end', () => {
    // payments 2024-02-10 and 2024-08-10 (sum $200 → tier 1): + 3 months = 05-10 ≤, + 6 months = 08-10 ≤ 08-10 → k = 2 → 3.
    const twoPeriods = contract({
      earnings: null,
      start: '2024-01-01',
      end: '2024-12-01',
      payments: [
        { date: '2024-02-10', amount: 100 },
        { date: '2024-08-10', amount: 100 },
      ],
    });
    expect(classifyOne(twoPeriods, AS_OF).weight).toBe(3);
    // last payment a day earlier, 2024-08-09 < 08-10 → k = 1 → 2.
    const onePeriod = {
      ...twoPeriods,
      payments: [
        { date: '2024-02-10', amount: 100 },
        { date: '2024-08-09', amount: 100 },
      ],
    };
    expect(classifyOne(onePeriod, AS_OF).weight).toBe(2);
  });

  it('k is the largest with first + 3k months ≤ last (not repeated 3-month steps) at a month end', () => {
    // first 2023-11-30: + 3 months = 2024-02-29 ≤ 2024-05-29, + 6 months = 2024-05-30 > 2024-05-29 → k = 1 → 1 + 1 = 2.
    // (Stepping 3 months twice, 2023-11-30 → 2024-02-29 → 2024-05-29, would give k = 2.)
    const c = contract({ start: '2023-11-30', end: '2024-05-29' });
    expect(classifyOne(c, AS_OF).weight).toBe(2);
    // end 2024-05-30: + 6 months = 2024-05-30 ≤ 2024-05-30 → k = 2 → 3.
    expect(classifyOne({ ...c, end: '2024-05-30' }, AS_OF).weight).toBe(3);
  });

  it('the bonus adds to the tier (durationBonusMode "add", the default)', () => {
    // $5,000 → 1.5; 2024-01-01 → 2024-07-01 = 6 months → k = 2 → 1.5 + 2 = 3.5.
    expect(classifyOne(contract({ earnings: 5000, start: '2024-01-01', end: '2024-07-01' }), AS_OF).weight).toBe(3.5);
    // $500 → 1.25; 2024-01-01 → 2024-04-01 → k = 1 → 2.25.
    expect(classifyOne(contract({ earnings: 500, start: '2024-01-01', end: '2024-04-01' }), AS_OF).weight).toBe(2.25);
  });

  it('the total is capped at 8', () => {
    // $5,000 → 1.5. 18 months (2022-01-01 → 2023-07-01) → k = 6 → 7.5 (under the cap).
    expect(classifyOne(contract({ earnings: 5000, start: '2022-01-01', end: '2023-07-01' }), AS_OF).weight).toBe(7.5);
    // 21 months → k = 7 → 8.5 → capped at 8.
    expect(classifyOne(contract({ earnings: 5000, start: '2022-01-01', end: '2023-10-01' }), AS_OF).weight).toBe(8);
    // 24 months → k = 8 → 9.5 → 8.
    expect(classifyOne(contract({ earnings: 5000, start: '2022-01-01', end: '2024-01-01' }), AS_OF).weight).toBe(8);
    // $100 → 1; 21 months → k = 7 → 8 exactly.
    expect(classifyOne(contract({ earnings: 100, start: '2022-01-01', end: '2023-10-01' }), AS_OF).weight).toBe(8);
  });

  it('no duration bonus when earnings are $0', () => {
    // $0 with 1 star (negative, counted) over a whole year: tier 1, no last payment → no bonus → 1.
    const c = contract({ earnings: 0, stars: 1, start: '2023-01-01', end: '2024-01-01' });
    expect(classifyOne(c, AS_OF)).toMatchObject({ outcome: 'negative', weight: 1 });
    expect(contractWeight(0, day('2023-01-01'), null, P2025)).toBe(1);
    expect(contractWeight(0, day('2023-01-01'), day('2024-01-01'), P2025)).toBe(1);
  });
});

describe('Step 3: durationBonusMode "max" (the duration replaces the tier: max(tier, 1 + k))', () => {
  const max = { params: { durationBonusMode: 'max' as const } };

  it('no bonus period: the tier', () => {
    // $5,000 → 1.5, k = 0 → max(1.5, 1) = 1.5.
    expect(classifyOne(contract({ earnings: 5000 }), AS_OF, max).weight).toBe(1.5);
  });

  it('a long contract: the duration wins', () => {
    // $5,000 → 1.5; 6 months → k = 2 → max(1.5, 1 + 2) = 3 (with "add": 1.5 + 2 = 3.5).
    const c = contract({ earnings: 5000, start: '2024-01-01', end: '2024-07-01' });
    expect(classifyOne(c, AS_OF, max).weight).toBe(3);
    expect(classifyOne(c, AS_OF).weight).toBe(3.5);
  });

  it('a lowest-tier contract weighs the same in both modes', () => {
    // $100 → 1; 3 months → k = 1 → max(1, 2) = 2 = 1 + 1.
    const c = contract({ earnings: 100, start: '2024-01-01', end: '2024-04-01' });
    expect(classifyOne(c, AS_OF, max).weight).toBe(2);
    expect(classifyOne(c, AS_OF).weight).toBe(2);
  });

  it('is still capped at 8', () => {
    // $5,000; 30 months (2022-01-01 → 2024-07-01) → k = 10 → max(1.5, 11) = 11 → 8.
    expect(classifyOne(contract({ earnings: 5000, start: '2022-01-01', end: '2024-07-01' }), AS_OF, max).weight).toBe(
      8,
    );
  });
});

describe('Step 3 → Step 4: weights in a window score', () => {
  it('upwork-2025 weighs each contract in S, N and T', () => {
    // A $2,000 5★ → 1.5 success; B $100 5★ → 1 success; C $100 2★ → 1 negative (all within 3 months, short).
    const contracts = [
      success('A', 'A', '2024-12-01', { earnings: 2000 }),
      success('B', 'B', '2024-12-02'),
      negative('C', 'C', '2024-12-03'),
    ];
    const report = score(contracts, AS_OF);
    // S = 2.5, N = 1, T = 3.5 → 100 × 1.5 / 3.5 = 42.857 → 43.
    expect(report.windows['6m']).toMatchObject({ successes: 2.5, negatives: 1, neutrals: 0, total: 3.5 });
    expect(report.windows['6m'].score).toBeCloseTo(42.857, 3);
    expect(report.score).toBe(43);
  });

  it('upwork-2015 counts the same contracts with weight 1', () => {
    // A, B, D successes, C negative, 4 contracts from 4 clients: S = 3, N = 1, T = 4 → 100 × 2 / 4 = 50.
    const contracts = [
      success('A', 'A', '2024-12-01', { earnings: 2000 }),
      success('B', 'B', '2024-12-02'),
      negative('C', 'C', '2024-12-03'),
      success('D', 'D', '2024-12-04'),
    ];
    const report = score(contracts, AS_OF, { model: 'upwork-2015' });
    expect(report.windows['6m']).toMatchObject({ successes: 3, negatives: 1, total: 4, score: 50 });
    expect(report.score).toBe(50);
  });
});
