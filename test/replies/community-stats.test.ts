// stats with 1, 2 or 3 members lists the scores plainly (no "above 50% of the 1 member"); from
// 4 it gives the median, quartiles and where the caller stands.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityStatsReply, PERCENTILES_FROM } from '../../src/replies/community-stats.ts';
import { renderText } from '../../src/replies/render-text.ts';

const CONTEXT = '(From members who joined the leaderboard only; nobody else is counted.)';

function statsText(scores: number[], mine: number | null): string {
  const histogram = new Map<number, number>();
  for (const score of scores) histogram.set(score, (histogram.get(score) ?? 0) + 1);
  return renderText(communityStatsReply(histogram, scores.length, mine));
}

describe('stats in a small community', () => {
  it('one member', () => {
    expect(statsText([87], 87)).toBe(
      `Community statistics\n\nOnly 1 member has joined with a score; the median, quartiles and where you stand appear once 4 have.\n\nMembers with a score: 1\nScore: 87%\nYour estimated score: 87%\n\n${CONTEXT}`,
    );
  });

  it('two members, the caller without a score', () => {
    expect(statsText([100, 50], null)).toBe(
      `Community statistics\n\nOnly 2 members have joined with a score; the median, quartiles and where you stand appear once 4 have.\n\nMembers with a score: 2\nScores: 50%, 100%\nYour estimated score: none yet\n\n${CONTEXT}`,
    );
  });

  it('three members, two of them equal', () => {
    expect(statsText([90, 40, 90], 90)).toBe(
      `Community statistics\n\nOnly 3 members have joined with a score; the median, quartiles and where you stand appear once 4 have.\n\nMembers with a score: 3\nScores: 40%, 90%, 90%\nYour estimated score: 90%\n\n${CONTEXT}`,
    );
  });

  it("four members: median, quartiles, range and the caller's percentile", () => {
    expect(statsText([0, 50, 100, 100], 100)).toBe(
      `Community statistics\n\nYour estimated score, 100%, is above 75% of the 4 members who joined.\n\nMembers with a score: 4\nMedian: 75%\nQuartiles: 37.5% – 100%\nRange: 0% – 100%\n\n${CONTEXT}`,
    );
  });

  it('below 4 no percentile, median or quartile is shown, and every score is listed; from 4 they are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (scores, mine) => {
          const text = statsText(scores, mine);
          const small = scores.length < PERCENTILES_FROM;
          expect(text.includes('Median:')).toBe(!small);
          expect(text.includes('is above')).toBe(!small && mine !== null);
          if (small)
            expect(text).toContain(
              `: ${[...scores]
                .sort((a, b) => a - b)
                .map((score) => `${score}%`)
                .join(', ')}\n`,
            );
        },
      ),
    );
  });
});
