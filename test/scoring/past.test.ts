// The chart's past 16 weeks: weekly estimates from what was known each day, and the recorded scores
// of that span beside them (not in place of them, as the Top Rated weeks have it).

import { describe, expect, it } from 'vitest';
import {
  estimateOn,
  pastScores,
  topRatedStatus,
  topRatedWeekDays,
  formatDay,
  type Contract,
} from '../../src/scoring/index.ts';
import { negative, success } from './fixtures.ts';

const AS_OF = '2026-11-22';
const contracts: Contract[] = [
  success('a', 'A', '2026-05-01', { earnings: 500 }),
  success('b', 'B', '2026-09-01', { earnings: 600 }),
  negative('n', 'N', '2026-10-01', { earnings: 500 }),
];

describe('topRatedWeekDays', () => {
  it('is the 16 weekly dates up to the as-of date, oldest first, a week apart', () => {
    const days = topRatedWeekDays(AS_OF).map(formatDay);
    expect(days).toHaveLength(16);
    expect(days[0]).toBe('2026-08-09');
    expect(days[15]).toBe(AS_OF);
  });
});

describe('pastScores', () => {
  it('estimates each weekly date from what was known that day, as topRatedStatus does without records', () => {
    const past = pastScores(contracts, [], AS_OF);
    expect(past.weeks.map((week) => week.date)).toEqual(topRatedWeekDays(AS_OF).map(formatDay));
    expect(past.weeks.map((week) => week.score)).toEqual(
      topRatedStatus(contracts, [], AS_OF).weeks.map((week) => week.score),
    );
    expect(past.weeks.map((week) => week.score)).toEqual(past.weeks.map((week) => estimateOn(contracts, week.date)));
    expect(past.recorded).toEqual([]);
  });

  it('keeps the estimates where scores were recorded, and lists the recorded ones of the span, oldest first', () => {
    const observations = [
      { date: AS_OF, score: 70 },
      { date: '2026-08-08', score: 99 },
      { date: '2026-09-14', score: 80 },
      { date: '2026-08-09', score: 98 },
    ];
    const past = pastScores(contracts, observations, AS_OF);
    expect(past.weeks).toEqual(pastScores(contracts, [], AS_OF).weeks);
    // 2026-08-08 is the day before the first weekly date: outside the chart.
    expect(past.recorded.map((observation) => observation.date)).toEqual(['2026-08-09', '2026-09-14', AS_OF]);
  });

  it('has no score in any week for a new member', () => {
    expect(pastScores([], [], AS_OF).weeks.every((week) => week.score === null)).toBe(true);
  });
});
