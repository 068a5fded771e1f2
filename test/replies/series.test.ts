// The series block of score and forecast replies: the forecast, the past 16 weeks when there is
// one, and the recorded scores that a shared reply leaves out.

import { describe, expect, it } from 'vitest';
import { forecastReply, scoreReply, seriesOf } from '../../src/replies/score.ts';
import { reply, sharedView, type Block, type Reply } from '../../src/replies/reply.ts';
import { renderText, seriesPoints } from '../../src/replies/render-text.ts';
import { analyze, pastScores, type Contract } from '../../src/scoring/index.ts';
import { success } from '../scoring/fixtures.ts';

const AS_OF = '2026-11-22';
const contracts: Contract[] = [
  success('a', 'A', '2026-05-01', { earnings: 500 }),
  success('b', 'B', '2026-09-01', { earnings: 600 }),
];
const { score, tips, forecast } = analyze(contracts, AS_OF);
const recorded = [
  { date: '2026-10-01', score: 93 },
  { date: '2026-11-20', score: 91 },
];

type Series = Extract<Block, { type: 'series' }>;
const seriesIn = (reply: Reply) => reply.blocks.find((block): block is Series => block.type === 'series');

describe('seriesOf', () => {
  it('without a past is the forecast alone, as before', () => {
    const series = seriesOf(forecast) as Series;
    expect(series.title).toBe('Your score over the next 12 months if nothing new happens');
    expect(series.points[0]).toEqual({ date: AS_OF, value: forecast.score });
    expect(series.past).toBeUndefined();
    expect(series.recorded).toBeUndefined();
  });

  it('with a past adds the 16 weekly estimates and the recorded scores', () => {
    const series = seriesOf(forecast, pastScores(contracts, recorded, AS_OF)) as Series;
    expect(series.title).toBe('Your score: past 16 weeks, next 12 months if nothing new happens');
    expect(series.past).toHaveLength(16);
    expect(series.past?.at(-1)).toEqual({ date: AS_OF, value: forecast.score });
    expect(series.recorded).toEqual([
      { date: '2026-10-01', value: 93 },
      { date: '2026-11-20', value: 91 },
    ]);
    expect(series.points).toEqual((seriesOf(forecast) as Series).points);
  });

  it('leaves the past out for a new member (no score in any week, nothing recorded)', () => {
    const fresh = analyze([], AS_OF).forecast;
    expect(seriesOf(fresh, pastScores([], [], AS_OF))).toEqual(seriesOf(fresh));
  });
});

describe('a shared score or forecast', () => {
  it('keeps the weekly estimates and drops the recorded scores', () => {
    const past = pastScores(contracts, recorded, AS_OF);
    for (const reply of [scoreReply(score, tips, forecast, false, past), forecastReply(forecast, past)]) {
      expect(seriesIn(reply)?.recorded).toHaveLength(2);
      const shared = seriesIn(sharedView(reply, 'Shared by X'));
      expect(shared?.past).toEqual(seriesIn(reply)?.past);
      expect(shared).not.toHaveProperty('recorded');
      // Neither recorded day is a weekly date: neither may show anywhere in what the channel sees.
      for (const day of ['2026-10-01', '2026-11-20'])
        expect(JSON.stringify(sharedView(reply, 'Shared by X'))).not.toContain(day);
      // The member's own reply is left as it was.
      expect(seriesIn(reply)?.recorded).toHaveLength(2);
    }
  });
});

describe('the sparkline line of a series with the past', () => {
  it('runs from the first past week to the end of the forecast, as its heading says, on every platform', () => {
    const block = {
      type: 'series' as const,
      title: 'Your score: past 16 weeks, next 12 months if nothing new happens',
      points: [
        { date: '2026-11-22', value: 88 },
        { date: '2027-11-22', value: 88 },
      ],
      past: [
        { date: '2026-08-09', value: 70 },
        { date: '2026-11-22', value: 88 },
      ],
    };
    expect(seriesPoints(block).map((point) => point.date)).toEqual(['2026-08-09', '2026-11-22', '2027-11-22']);
    const text = renderText(reply('info', 'Score', { blocks: [block] }));
    expect(text).toContain('2026-08-09 ');
    expect(text).toContain(' 2027-11-22 70–88%');
  });
});
