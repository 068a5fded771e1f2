// docs/scoring-model.md's worked example, computed by hand there: the doc stays true to the code.
import { describe, expect, it } from 'vitest';
import {
  estimateOn,
  explainGap,
  forecastContracts,
  planContracts,
  scoreContracts,
  topRatedStatus,
  type Contract,
} from '../../src/scoring/index.ts';

const AS_OF = '2026-11-22';
const contracts: Contract[] = [
  { id: 'A1', client: 'Acme', type: 'fixed', start: '2024-12-01', end: '2025-01-15', earnings: 1200, stars: 5 },
  { id: 'B1', client: 'Bolt', type: 'hourly', start: '2025-03-01', end: '2025-12-10', earnings: 4000, stars: 4 },
  { id: 'C1', client: 'Cobalt', type: 'fixed', start: '2026-04-01', end: '2026-05-22', earnings: 300, stars: 2 },
  { id: 'D1', client: 'Delta', type: 'fixed', start: '2026-06-01', end: '2026-07-10', earnings: 800, stars: 5 },
  { id: 'E1', client: 'Echo', type: 'hourly', start: '2026-05-01', earnings: 2000, lastPayment: '2026-11-15' },
  { id: 'F1', client: 'Foxtrot', type: 'fixed', start: '2026-09-01', end: '2026-10-20', earnings: 0, stars: 5 },
  { id: 'G1', client: 'delta ', type: 'fixed', start: '2026-09-05', end: '2026-10-30', earnings: 150, stars: 4.8 },
  { id: 'H1', client: 'Gamma', type: 'fixed', start: '2026-08-01', end: '2026-09-10', earnings: 500 },
];

describe('the worked example of docs/scoring-model.md', () => {
  it('scores 82% (solid) from trending, with the windows and weights the doc shows', () => {
    const report = scoreContracts(contracts, AS_OF);
    expect([report.score, report.window, report.band]).toEqual([82, 'trending', 'solid']);
    expect(report.windows['3m'].score).toBe(100);
    expect(report.windows['6m'].score).toBeCloseTo(64.29, 2);
    expect(report.windows['12m'].score).toBeCloseTo(39.13, 2);
    expect(report.windows['24m'].score).toBeCloseTo(46.15, 2);
    expect(report.windows.trending.score).toBeCloseTo(82.14, 2);
    expect(Object.fromEntries(report.contracts.map((c) => [c.id, [c.outcome, c.weight]]))).toEqual({
      A1: ['success', 1.5],
      B1: ['neutral', 4.5],
      C1: ['negative', 1.25],
      D1: ['success', 1.25],
      E1: ['success', 3.5],
      F1: ['excluded', 1],
      G1: ['success', 1],
      H1: ['excluded', 1.25],
    });
    expect(report.longTerm).toMatchObject({ percent: 60, clients: 5, longTermClients: 3 });
  });

  it('forecasts 100 on 2026-11-23, 29 on 2027-02-14 and 13 on 2027-05-23; plans 4 contracts to 90%', () => {
    expect(
      forecastContracts(contracts, AS_OF).changes.map((change) => [change.date, change.score, change.window]),
    ).toEqual([
      ['2026-11-23', 100, '6m'],
      ['2027-02-14', 29, '12m'],
      ['2027-05-23', 13, '24m'],
    ]);
    expect(planContracts(contracts, AS_OF)).toMatchObject({
      earnings: 800,
      weight: 1.25,
      contractsNeeded: 4,
      reachedByWaitingOn: '2026-11-23',
    });
  });

  it('shows 50% from the 6-month window under upwork-2015 (a tie with 24m goes to 6m)', () => {
    const report = scoreContracts(contracts, AS_OF, { model: 'upwork-2015' });
    expect([report.score, report.window]).toEqual([50, '6m']);
    expect(report.windows['24m'].score).toBe(50);
  });
});

describe('the worked examples of docs/scoring-model.md §2.5, §2.12 and §2.13', () => {
  it('graded values: negativeValue −0.5 gives 6m 73.21 and 87% from trending', () => {
    const report = scoreContracts(contracts, AS_OF, { params: { negativeValue: -0.5 } });
    expect(report.windows['6m'].score).toBeCloseTo(73.21, 2);
    expect(report.windows.trending.score).toBeCloseTo(86.61, 2);
    expect(report.score).toBe(87);
  });

  it('explains 75% on 2026-10-01 and 64% on 2026-11-22 with one hidden fact: G1 counted as neutral', () => {
    expect(estimateOn(contracts, '2026-10-01')).toBe(75);
    const result = explainGap(contracts, [
      { date: '2026-10-01', score: 75 },
      { date: '2026-11-22', score: 64 },
    ]);
    expect(result.observations).toEqual([
      { date: '2026-10-01', reported: 75, estimated: 75 },
      { date: '2026-11-22', reported: 64, estimated: 82 },
    ]);
    expect(result.explanations).toHaveLength(1);
    expect(result.explanations[0]).toMatchObject({
      changes: [{ id: 'G1', from: 'success', to: 'neutral' }],
      scores: [
        { date: '2026-10-01', score: 75 },
        { date: '2026-11-22', score: 64 },
      ],
      distance: 0,
      text: "Upwork's 75% on 2026-10-01 and 64% on 2026-11-22 fit one hidden fact: G1 (delta, 4.8★) counted as neutral, most likely private feedback below 9.",
      commands: ['edit G1 counted:neutral'],
    });
    const withG1Neutral = scoreContracts(
      contracts.map((c) => (c.id === 'G1' ? { ...c, counted: 'neutral' as const } : c)),
      AS_OF,
    );
    expect(withG1Neutral.windows['3m'].score).toBeCloseTo(77.78, 2);
    expect(withG1Neutral.windows['6m'].score).toBeCloseTo(50, 2);
    expect(withG1Neutral.windows['12m'].score).toBeCloseTo(30.43, 2);
    expect(withG1Neutral.windows['24m'].score).toBeCloseTo(38.46, 2);
  });

  it('Top Rated: no week at 90%, $7,750 in 12 months, not eligible within a year', () => {
    const status = topRatedStatus(contracts, [], AS_OF);
    expect(status.weeks.map((week) => week.score)).toEqual([
      50, 50, 75, 75, 75, 75, 75, 75, 75, 50, 50, 50, 82, 82, 82, 82,
    ]);
    expect([status.weeksAtLeast90, status.earnings12m, status.eligibleOn]).toEqual([0, 7750, null]);
  });
});
