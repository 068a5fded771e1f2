import { histogramPercentile, histogramQuantile, histogramRange, histogramSize } from '../../leaderboard/statistics.ts';
import { refreshStaleSnapshots } from '../../leaderboard/refresh.ts';
import { num, plural } from '../../replies/format.ts';
import { reply } from '../../replies/reply.ts';
import { displayedScore } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

export const stats = defineCommand({
  name: 'stats',
  summary: "The community's estimated scores: median, quartiles and where you stand (members who joined only).",
  usage: 'stats',
  examples: ['stats'],
  args: [],
  writes: false,
  async run({ ctx, store, community, member }) {
    await refreshStaleSnapshots(store, { communityId: community.id, today: ctx.asOf, skipLocked: false });
    const histogram = await store.scoreHistogram(community.id);
    const size = histogramSize(histogram);
    if (size === 0) {
      return reply('info', 'No community statistics yet', { summary: 'Statistics come from members who joined the leaderboard and have a score. Join with "join".' });
    }
    const mine = displayedScore(await store.listContracts(member.id), ctx.asOf, modelOptionsOf(community)).score;
    const [lowest, highest] = histogramRange(histogram);
    const fields = [
      { label: 'Members with a score', value: String(size) },
      { label: 'Median', value: `${num(histogramQuantile(histogram, 0.5))}%` },
      { label: 'Quartiles', value: `${num(histogramQuantile(histogram, 0.25))}% – ${num(histogramQuantile(histogram, 0.75))}%` },
      { label: 'Range', value: `${lowest}% – ${highest}%` },
    ];
    const standing =
      mine === null
        ? 'You have no score yet, so you have no place in these statistics.'
        : `Your estimated score, ${mine}%, is above ${histogramPercentile(histogram, mine)}% of the ${plural(size, 'member')} who joined.`;
    return reply('info', 'Community statistics', { summary: standing, blocks: [{ type: 'fields', fields }, { type: 'context', text: 'From members who joined the leaderboard only; nobody else is counted.' }] });
  },
});
