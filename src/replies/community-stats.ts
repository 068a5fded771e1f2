// The stats reply. Percentiles of one, two or three members read as nonsense ("above 50% of the
// 1 member") and tell each of them the others' scores by subtraction anyway: below
// PERCENTILES_FROM members the reply lists the scores plainly and says when percentiles appear.

import { histogramPercentile, histogramQuantile, histogramRange, type Histogram } from '../leaderboard/statistics.ts';
import { num, plural } from './format.ts';
import { reply, type Reply } from './reply.ts';

/** The fewest members with a score for a median, quartiles and a percentile to mean something. */
export const PERCENTILES_FROM = 4;

const ONLY_JOINED = {
  type: 'context' as const,
  text: 'From members who joined the leaderboard only; nobody else is counted.',
};

/** The scores the histogram stands for, lowest first. */
function scoresOf(histogram: Histogram): number[] {
  return [...histogram]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([score, count]) => Array.from({ length: count }, () => score));
}

/** `mine`: the caller's estimated score (null without one); `histogram`: at least one member. */
export function communityStatsReply(histogram: Histogram, size: number, mine: number | null): Reply {
  if (size < PERCENTILES_FROM) {
    const scores = scoresOf(histogram);
    const joined =
      size === 1 ? 'Only 1 member has joined with a score' : `Only ${size} members have joined with a score`;
    return reply('info', 'Community statistics', {
      summary: `${joined}; the median, quartiles and where you stand appear once ${PERCENTILES_FROM} have.`,
      blocks: [
        {
          type: 'fields',
          fields: [
            { label: 'Members with a score', value: String(size) },
            { label: size === 1 ? 'Score' : 'Scores', value: scores.map((score) => `${score}%`).join(', ') },
            { label: 'Your estimated score', value: mine === null ? 'none yet' : `${mine}%` },
          ],
        },
        ONLY_JOINED,
      ],
    });
  }
  const [lowest, highest] = histogramRange(histogram);
  const fields = [
    { label: 'Members with a score', value: String(size) },
    { label: 'Median', value: `${num(histogramQuantile(histogram, 0.5))}%` },
    {
      label: 'Quartiles',
      value: `${num(histogramQuantile(histogram, 0.25))}% – ${num(histogramQuantile(histogram, 0.75))}%`,
    },
    { label: 'Range', value: `${lowest}% – ${highest}%` },
  ];
  const standing =
    mine === null
      ? 'You have no score yet, so you have no place in these statistics.'
      : `Your estimated score, ${mine}%, is above ${histogramPercentile(histogram, mine)}% of the ${plural(size, 'member')} who joined.`;
  return reply('info', 'Community statistics', {
    summary: standing,
    blocks: [{ type: 'fields', fields }, ONLY_JOINED],
  });
}
