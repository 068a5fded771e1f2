// Top Rated week by week, and accuracy figures against recorded scores.

import { describe, expect, it } from 'vitest';
import { accuracyByPreset, accuracyOf, topRatedStatus, type Contract } from '../../src/scoring/index.ts';
import { negative, success } from './fixtures.ts';

const AS_OF = '2026-11-22';
// Three $500 successes from three clients, ended 2026-05-01: 100% on every one of the last 16 weeks.
const steady: Contract[] = [
  success('a', 'A', '2026-05-01', { earnings: 500 }),
  success('b', 'B', '2026-05-01', { earnings: 500 }),
  success('c', 'C', '2026-05-01', { earnings: 500 }),
];

describe('topRatedStatus', () => {
  it('lists the 16 weekly dates, oldest first, and is eligible today when 13 are at 90% or more', () => {
    const status = topRatedStatus(steady, [], AS_OF);
    expect(status.weeks).toHaveLength(16);
    expect(status.weeks[0]).toEqual({ date: '2026-08-09', score: 100, source: 'estimate' });
    expect(status.weeks[15]).toEqual({ date: AS_OF, score: 100, source: 'estimate' });
    expect(status.weeksAtLeast90).toBe(16);
    expect(status.earnings12m).toBe(1500);
    expect(status.earningsMet).toBe(true);
    expect(status.eligibleOn).toBe(AS_OF);
    expect(status.topRatedPlusEarningsMet).toBe(false);
    expect(status.unseenConditions.length).toBeGreaterThan(0);
    expect(status.plan).toBeUndefined();
  });

  it('a recorded score replaces the estimate for its week', () => {
    const status = topRatedStatus(steady, [{ date: '2026-11-20', score: 80 }], AS_OF);
    expect(status.weeks[15]).toEqual({ date: AS_OF, score: 80, source: 'recorded' });
    expect(status.weeks[14]?.source).toBe('estimate');
    expect(status.weeksAtLeast90).toBe(15);
  });

  it('finds the first week ahead with 13 of 16, from the forecast', () => {
    // Both contracts end 2026-09-01: a score of 100% from the week of 2026-09-06, 12 weeks so far.
    const recent = [
      success('a', 'A', '2026-09-01', { earnings: 600 }),
      success('b', 'B', '2026-09-01', { earnings: 600 }),
    ];
    const status = topRatedStatus(recent, [], AS_OF);
    expect(status.weeks.slice(0, 4).map((week) => week.score)).toEqual([null, null, null, null]);
    expect(status.weeksAtLeast90).toBe(12);
    expect(status.eligibleOn).toBe('2026-11-29');
  });

  it('gives the planner when 90% is not reached within a year', () => {
    const status = topRatedStatus(
      [...steady.slice(0, 2), negative('n', 'N', '2026-10-01', { earnings: 500 })],
      [],
      AS_OF,
    );
    expect(status.eligibleOn).toBeNull();
    expect(status.plan?.target).toBe(90);
    expect(status.plan?.contractsNeeded).toBeGreaterThan(0);
  });
});

describe('accuracyOf', () => {
  it('counts exact days, days within 2 points and the mean absolute error (no score: 100 off)', () => {
    const figures = accuracyOf([
      {
        contracts: steady,
        observations: [
          { date: AS_OF, score: 100 },
          { date: '2026-11-01', score: 98 },
          { date: '2026-10-01', score: 90 },
        ],
      },
      { contracts: [steady[0] as Contract], observations: [{ date: AS_OF, score: 95 }] },
    ]);
    expect(figures).toEqual({ days: 4, exact: 1 / 4, within2: 2 / 4, meanAbsoluteError: (0 + 2 + 10 + 100) / 4 });
    expect(accuracyOf([])).toEqual({ days: 0, exact: 0, within2: 0, meanAbsoluteError: null });
  });

  it('gives figures per preset', () => {
    const figures = accuracyByPreset([{ contracts: steady, observations: [{ date: AS_OF, score: 100 }] }]);
    // upwork-2015 needs 4 contracts from 3 clients: no score, 100 off.
    expect(figures['upwork-2025'].exact).toBe(1);
    expect(figures['upwork-2015'].meanAbsoluteError).toBe(100);
  });
});
