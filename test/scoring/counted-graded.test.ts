// The `counted` override (Step 1, rule 0) and the graded values of neutral and negative outcomes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreContracts, type Contract } from '../../src/scoring/index.ts';
import { memberArb } from './arbitraries.ts';
import { contract, negative, neutral, reportOf, success } from './fixtures.ts';

describe('counted', () => {
  it('replaces the derived outcome, with the reason "recorded by you", and keeps the weight', () => {
    const contracts: Contract[] = [
      success('a', 'A', '2026-10-01', { earnings: 1500, counted: 'neutral' }),
      success('b', 'B', '2026-10-01'),
      negative('c', 'C', '2026-10-01', { counted: 'excluded' }),
      contract({ id: 'd', client: 'D', start: '2026-09-01', end: null, earnings: 0, stars: null, counted: 'negative' }),
    ];
    const report = scoreContracts(contracts, '2026-11-22');
    expect(reportOf(report, 'a')).toMatchObject({
      outcome: 'neutral',
      reason: 'counted as neutral (recorded by you)',
      reasonCode: 'counted',
      weight: 1.5,
    });
    expect(reportOf(report, 'c')).toMatchObject({
      outcome: 'excluded',
      reason: 'left out (recorded by you)',
      reasonCode: 'counted',
    });
    expect(reportOf(report, 'd')).toMatchObject({
      outcome: 'negative',
      reason: 'counted as negative (recorded by you)',
    });
    // 6m: S = 1 (b), neutral 1.5 (a), N = 1 (d): (1 − 1) / 3.5 = 0.
    expect(report.windows['6m'].score).toBe(0);
  });

  it('set to what the model derives changes nothing but the reason', () => {
    fc.assert(
      fc.property(memberArb, ({ asOf, contracts }) => {
        const plain = scoreContracts(contracts, asOf);
        const recorded = contracts.map((item, index) => {
          const outcome = plain.contracts[index]?.outcome;
          // Missing feedback under 2015 is settled per window; only fixed outcomes are copied.
          return outcome &&
            plain.contracts[index]?.reasonCode !== 'missing-feedback' &&
            !['too-new', 'in-progress', 'stale'].includes(plain.contracts[index]?.reasonCode ?? '')
            ? { ...item, counted: outcome }
            : item;
        });
        const withCounted = scoreContracts(recorded, asOf);
        expect(withCounted.score).toBe(plain.score);
        expect(withCounted.windows).toEqual(plain.windows);
      }),
      { numRuns: 100 },
    );
  });
});

describe('graded values', () => {
  const contracts: Contract[] = [
    success('a', 'A', '2026-10-01'),
    neutral('b', 'B', '2026-10-01'),
    negative('c', 'C', '2026-10-01'),
    success('d', 'D', '2026-10-01'),
  ];

  it('defaults give exactly S − N', () => {
    // (2 − 1) / 4 = 25%.
    expect(scoreContracts(contracts, '2026-11-22').score).toBe(25);
    expect(scoreContracts(contracts, '2026-11-22', { params: { neutralValue: 0, negativeValue: -1 } }).score).toBe(25);
  });

  it('add the given share of each neutral and negative weight to the numerator', () => {
    // (2 + 0.5 × 1 − 0.5 × 1) / 4 = 50%.
    expect(scoreContracts(contracts, '2026-11-22', { params: { neutralValue: 0.5, negativeValue: -0.5 } }).score).toBe(
      50,
    );
    // (2 + 0 − 0) / 4 = 50%.
    expect(scoreContracts(contracts, '2026-11-22', { params: { negativeValue: 0 } }).score).toBe(50);
  });

  it('defaults leave every generated member unchanged', () => {
    fc.assert(
      fc.property(memberArb, ({ asOf, contracts: generated }) => {
        expect(scoreContracts(generated, asOf, { params: { neutralValue: 0, negativeValue: -1 } })).toEqual(
          scoreContracts(generated, asOf),
        );
      }),
      { numRuns: 100 },
    );
  });
});
