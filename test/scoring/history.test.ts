// The estimate for a past day comes from what was known on that day.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractsKnownOn, displayedScore, estimateOn, type Contract } from '../../src/scoring/index.ts';
import { memberArb } from './arbitraries.ts';
import { contract, success } from './fixtures.ts';

describe('contractsKnownOn', () => {
  const open = contract({
    id: 'o',
    client: 'O',
    start: '2026-01-01',
    end: '2026-06-30',
    earnings: 900,
    payments: [
      { date: '2026-02-01', amount: 300 },
      { date: '2026-05-01', amount: 600 },
    ],
    stars: 2,
    refunded: true,
    counted: 'negative',
  });

  it('leaves out contracts not started, and keeps ended ones as written', () => {
    expect(contractsKnownOn([open], '2025-12-31')).toEqual([]);
    expect(contractsKnownOn([open], '2026-07-01')[0]).toBe(open);
  });

  it('takes a contract open on the day with the payments made by then and no feedback or end facts', () => {
    expect(contractsKnownOn([open], '2026-03-01')[0]).toEqual({
      ...open,
      end: null,
      payments: [{ date: '2026-02-01', amount: 300 }],
      earnings: 300,
      stars: null,
      privateScore: null,
      endReason: null,
      disputed: null,
      refunded: null,
      counted: null,
    });
  });

  it('forgets a last payment made after the day (the open contract counts as active then)', () => {
    const retainer = contract({
      id: 'r',
      client: 'R',
      start: '2026-01-01',
      end: null,
      earnings: 500,
      lastPayment: '2026-06-01',
      stars: null,
    });
    expect(contractsKnownOn([retainer], '2026-03-01')[0]?.lastPayment).toBeNull();
  });
});

describe('estimateOn', () => {
  it('is the displayed score when nothing happened after the day', () => {
    fc.assert(
      fc.property(memberArb, ({ asOf, contracts }) => {
        expect(estimateOn(contracts, asOf)).toBe(displayedScore(contracts, asOf).score);
      }),
      { numRuns: 100 },
    );
  });

  it('does not see feedback before the contract ended', () => {
    const contracts: Contract[] = [
      success('a', 'A', '2026-05-01'),
      success('b', 'B', '2026-05-01'),
      contract({ id: 'c', client: 'C', start: '2026-05-01', end: '2026-07-01', earnings: 100, stars: 1 }),
    ];
    // On 2026-06-15 c is open and in progress (excluded): 2 successes → 100%.
    expect(estimateOn(contracts, '2026-06-15')).toBe(100);
    // Once it ended with 1 star (each weighs 1): (2 − 1) / 3 = 33%.
    expect(estimateOn(contracts, '2026-07-01')).toBe(33);
    expect(estimateOn(contracts, '2026-04-01')).toBeNull();
  });
});
