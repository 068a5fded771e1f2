// The forecast ("nothing new happens") and the planner ("what does it take to reach T%") of
// default-model.md, on small members whose every change date and score is computed by hand.

import { describe, expect, it } from 'vitest';
import { forecastContracts, planContracts } from '../../src/scoring/index.ts';
import { contract, negative, score, success } from './fixtures.ts';

// A member with an old negative that will leave the 6-month window (upwork-2025, all $100, weight 1).
// as-of 2024-06-30: 3m from 2024-03-30, 6m from 2023-12-30, 12m from 2023-06-30.
//   S1 (client A) 5★ ended 2024-03-01, S2 (client B) 5★ ended 2024-04-01, N1 (client C) 1★ ended 2024-01-10.
//   3m: S2 only (1 contract, not eligible → trending not eligible).
//   6m = 12m = 24m: S = 2, N = 1, T = 3 → 33.33 → 33, shown from 6m (tie → 6m).
const WAITING_MEMBER = [
  success('S1', 'Client A', '2024-03-01'),
  success('S2', 'Client B', '2024-04-01'),
  negative('N1', 'Client C', '2024-01-10'),
];

describe('Forecast', () => {
  it('lists each date the displayed score changes, with the new score and the contract that caused it', () => {
    const forecast = forecastContracts(WAITING_MEMBER, '2024-06-30');
    expect(forecast).toMatchObject({ asOf: '2024-06-30', until: '2025-06-30', score: 33, window: '6m' });
    // Leaving days (end + N months + 1 day, no clamping here):
    //   S2 leaves 3m 2024-07-02: 3m empty, 6m still 33 → no change.
    //   N1 leaves 6m 2024-07-11: 6m = S1, S2 → 100, eligible → 100 from 6m.
    //   S1 leaves 6m 2024-09-02: 6m = S2 only (not eligible); 12m = 33.33 → 33 from 12m.
    //   S2 leaves 6m 2024-10-02: no change.
    //   N1 leaves 12m 2025-01-11: 12m = S1, S2 → 100 from 12m.
    //   S1 leaves 12m 2025-03-02: 12m = S2 only; 24m = 33.33 → 33 from 24m.
    //   S2 leaves 12m 2025-04-02: no change. N1 leaves 24m 2026-01-11: after the 12-month horizon.
    expect(forecast.changes.map(({ date, score, window, band }) => ({ date, score, window, band }))).toEqual([
      { date: '2024-07-11', score: 100, window: '6m', band: 'excellent' },
      { date: '2024-09-02', score: 33, window: '12m', band: 'at-risk' },
      { date: '2025-01-11', score: 100, window: '12m', band: 'excellent' },
      { date: '2025-03-02', score: 33, window: '24m', band: 'at-risk' },
    ]);
    const first = forecast.changes[0];
    expect(first?.events).toEqual([
      expect.objectContaining({ kind: 'leaves-window', contractId: 'N1', client: 'Client C', window: '6m' }),
    ]);
    expect(first?.reason).toContain('N1');
    expect(first?.reason).toContain('6m');
    expect(forecast.changes[1]?.events.map((event) => event.contractId)).toEqual(['S1']);
  });

  it('the forecast agrees with scoring on the change date and the day before', () => {
    // On 2024-07-10 N1 (ended 2024-01-10) is exactly 6 months old: still in the 6m window → 33.
    expect(score(WAITING_MEMBER, '2024-07-10').score).toBe(33);
    // On 2024-07-11 it is 6 months and a day old: out → 100.
    expect(score(WAITING_MEMBER, '2024-07-11')).toMatchObject({ score: 100, window: '6m' });
  });

  it('month end: a contract that ended 29 Feb leaves the 6-month window on 1 Sep, not on end + 6 months + 1 day (30 Aug)', () => {
    // as-of 2024-08-15; N (client C) 1★ ended 2024-02-29; S1 (A) ended 2024-05-01; S2 (B) ended 2024-06-01.
    // 6m from 2024-02-15: S = 2, N = 1 → 33. 3m from 2024-05-15: S2 only → trending not eligible.
    // 30 and 31 Aug − 6 months clamp to 29 Feb, so N is still in; on 1 Sep the window starts 1 Mar → N out → 100.
    const member = [
      success('S1', 'A', '2024-05-01'),
      success('S2', 'B', '2024-06-01'),
      negative('N', 'C', '2024-02-29'),
    ];
    const forecast = forecastContracts(member, '2024-08-15');
    expect(forecast.score).toBe(33);
    expect(forecast.changes[0]).toMatchObject({ date: '2024-09-01', score: 100, window: '6m' });
    expect(forecast.changes[0]?.events[0]).toMatchObject({ contractId: 'N', window: '6m' });
    expect(score(member, '2024-08-31').score).toBe(33);
    // The planner's "waiting alone" date is the same day.
    expect(planContracts(member, '2024-08-15', { target: 90 }).reachedByWaitingOn).toBe('2024-09-01');
  });

  it('an open $0 contract crossing its grace limit (upwork-2015) changes the score on day 61', () => {
    // as-of 2024-06-30: 4 successes (clients A, B, C, A) in May → 6m: S = 4, T = 4 → 100.
    // Z: open, $0, no feedback, started 2024-05-20 (41 days): "too new" while as-of − start ≤ 60, i.e. through 2024-07-19.
    // On 2024-07-20 (day 61) it is negative: S = 4, N = 1, T = 5 → 60.
    const member = [
      success('A1', 'A', '2024-05-01'),
      success('B1', 'B', '2024-05-02'),
      success('C1', 'C', '2024-05-03'),
      success('A2', 'A', '2024-05-04'),
      contract({ id: 'Z', client: 'D', start: '2024-05-20', end: null, earnings: 0, stars: null }),
    ];
    const forecast = forecastContracts(member, '2024-06-30', { model: 'upwork-2015' });
    expect(forecast.score).toBe(100);
    expect(forecast.changes[0]).toMatchObject({ date: '2024-07-20', score: 60, window: '6m', band: 'at-risk' });
    expect(forecast.changes[0]?.events).toEqual([expect.objectContaining({ kind: 'grace-ends', contractId: 'Z' })]);
    expect(forecast.changes[0]?.reason).toContain('Z');
    expect(score(member, '2024-07-19', { model: 'upwork-2015' }).score).toBe(100);
  });

  it('an open paid contract going stale (upwork-2015) changes the score 91 days after its last payment', () => {
    // W: open, $300, last paid 2024-05-15, no feedback, started 2024-05-01 (+ 3 months = 2024-08-01 > 2024-05-15: not long-term).
    // In progress through 2024-05-15 + 90 days = 2024-08-13; negative from 2024-08-14: S = 4, N = 1, T = 5 → 60.
    const member = [
      success('A1', 'A', '2024-05-01'),
      success('B1', 'B', '2024-05-02'),
      success('C1', 'C', '2024-05-03'),
      success('A2', 'A', '2024-05-04'),
      contract({
        id: 'W',
        client: 'D',
        start: '2024-05-01',
        end: null,
        earnings: 300,
        stars: null,
        lastPayment: '2024-05-15',
      }),
    ];
    const forecast = forecastContracts(member, '2024-06-30', { model: 'upwork-2015' });
    expect(forecast.changes[0]).toMatchObject({ date: '2024-08-14', score: 60 });
    expect(forecast.changes[0]?.events).toEqual([expect.objectContaining({ kind: 'goes-stale', contractId: 'W' })]);
  });
});

describe('Planner', () => {
  // upwork-2025, as-of 2024-06-30: A (client A) $500 5★ and B (client B) $500 1★, both in the 3-month window.
  // Weights 1.25 each: S = 1.25, N = 1.25, T = 2.5 → 0 in every window (3m = 6m, trending = 0).
  const EVEN = [
    success('A', 'A', '2024-05-01', { earnings: 500 }),
    negative('B', 'B', '2024-05-15', { earnings: 500 }),
  ];

  it('contractsNeeded with the median earnings', () => {
    // median of $500, $500 = $500 → weight 1.25. With n new successes (3m = 6m, so trending = 6m):
    // S = 1.25(1 + n), N = 1.25, T = 1.25(2 + n) → 100n / (n + 2).
    // n = 17: 1700 / 19 = 89.47 → 89 < 90. n = 18: 1800 / 20 = 90 → 90. So n = 18.
    const plan = planContracts(EVEN, '2024-06-30', { target: 90 });
    expect(plan).toMatchObject({
      target: 90,
      earnings: 500,
      earningsSource: 'median',
      weight: 1.25,
      score: 0,
      contractsNeeded: 18,
    });
    // Waiting alone never gets there: the only negative stays with the only other success in each window.
    expect(plan.reachedByWaitingOn).toBeNull();
  });

  it('contractsNeeded depends on the weight of the new contracts', () => {
    // $2,000 each → 1.5: S = 1.25 + 1.5n, N = 1.25, T = 2.5 + 1.5n → 150n / (2.5 + 1.5n).
    // n = 14: 2100 / 23.5 = 89.36 → 89. n = 15: 2250 / 25 = 90 → 90. So n = 15.
    expect(planContracts(EVEN, '2024-06-30', { target: 90, earnings: 2000 })).toMatchObject({
      earnings: 2000,
      earningsSource: 'given',
      weight: 1.5,
      contractsNeeded: 15,
    });
    // $250 each → 1: 100n / (2.5 + n). n = 21: 2100 / 23.5 = 89.36 → 89. n = 22: 2200 / 24.5 = 89.80 → 90. So n = 22.
    expect(planContracts(EVEN, '2024-06-30', { target: 90, earnings: 250 })).toMatchObject({
      weight: 1,
      contractsNeeded: 22,
    });
  });

  it('a lower target needs fewer contracts', () => {
    // weight 1.25, 100n / (n + 2) ≥ 79.5: n = 7: 700 / 9 = 77.8 → 78; n = 8: 800 / 10 = 80 → 80. So n = 8 for 80%.
    expect(planContracts(EVEN, '2024-06-30', { target: 80 }).contractsNeeded).toBe(8);
  });

  it('counts the trending score and gives the date waiting alone reaches the target', () => {
    // WAITING_MEMBER: 6m = 33.33; 3m holds S2 only. n new $100 successes (weight 1, new clients, dated today):
    //   3m: S = T = 1 + n → 100, eligible from n = 1. 6m: S = 2 + n, N = 1, T = 3 + n → 100(1 + n) / (3 + n).
    //   trending = (100 + 6m) / 2. n = 6: 6m = 700 / 9 = 77.78 → trending 88.89 → 89. n = 7: 6m = 80 → trending 90.
    //   (6m alone would need n = 17: 1800 / 20 = 90.) So n = 7.
    const plan = planContracts(WAITING_MEMBER, '2024-06-30', { target: 90 });
    expect(plan).toMatchObject({ earnings: 100, weight: 1, score: 33, contractsNeeded: 7 });
    // Waiting: N1 leaves the 6-month window on 2024-07-11 → 100 ≥ 90.
    expect(plan.reachedByWaitingOn).toBe('2024-07-11');
  });

  it('a member already at the target needs 0 contracts and is there today', () => {
    const plan = planContracts([success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02')], '2024-06-30', {
      target: 90,
    });
    expect(plan).toMatchObject({ score: 100, contractsNeeded: 0, reachedByWaitingOn: '2024-06-30' });
  });

  it('a member with no score yet: the new contracts also bring the missing clients', () => {
    // One $100 1★ contract: no score. n new successes from new clients: S = n, N = 1, T = n + 1 (eligible from n = 1).
    // 100(n − 1) / (n + 1): n = 18: 1700 / 19 = 89.47 → 89; n = 19: 1800 / 20 = 90. So n = 19.
    const plan = planContracts([negative('N', 'A', '2024-06-01')], '2024-06-30', { target: 90 });
    expect(plan).toMatchObject({ score: null, contractsNeeded: 19 });
  });

  it('upwork-2015: weight 1 per new contract', () => {
    // 3 successes + 1 negative from 3 clients: S = 3, N = 1, T = 4 → 50.
    // n: 100(2 + n) / (4 + n). n = 15: 1700 / 19 = 89.47 → 89; n = 16: 1800 / 20 = 90. So n = 16.
    const member = [
      success('A1', 'A', '2024-06-01'),
      success('A2', 'A', '2024-06-02'),
      success('B', 'B', '2024-06-03'),
      negative('C', 'C', '2024-06-04'),
    ];
    const plan = planContracts(member, '2024-06-30', { target: 90, earnings: 5000 }, { model: 'upwork-2015' });
    expect(plan).toMatchObject({ score: 50, weight: 1, contractsNeeded: 16 });
  });

  it('new $0 contracts with positive feedback do not count in upwork-2025: out of reach', () => {
    const plan = planContracts(EVEN, '2024-06-30', { target: 90, earnings: 0 });
    expect(plan).toMatchObject({ weight: 0, contractsNeeded: null });
  });

  it('the median of an even number of paid contracts is the mean of the middle two; $0 contracts are ignored', () => {
    // paid: $100, $300, $700, $2,000 → (300 + 700) / 2 = 500 → weight 1.25; the $0 contract is not paid.
    const member = [
      success('A', 'A', '2024-06-01', { earnings: 100 }),
      success('B', 'B', '2024-06-02', { earnings: 300 }),
      success('C', 'C', '2024-06-03', { earnings: 700 }),
      success('D', 'D', '2024-06-04', { earnings: 2000 }),
      negative('E', 'E', '2024-06-05', { earnings: 0 }),
    ];
    expect(planContracts(member, '2024-06-30', { target: 90 })).toMatchObject({
      earnings: 500,
      earningsSource: 'median',
      weight: 1.25,
    });
  });
});
