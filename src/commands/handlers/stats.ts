import { histogramSize } from '../../leaderboard/statistics.ts';
import { communityStatsReply } from '../../replies/community-stats.ts';
import { refreshStaleSnapshots } from '../../leaderboard/refresh.ts';
import { reply } from '../../replies/reply.ts';
import { displayedScore } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

export const stats = defineCommand({
  name: 'stats',
  summary:
    "The community's estimated scores: median, quartiles and where you stand (members who joined only; with fewer than 4, their scores are listed).",
  usage: 'stats',
  examples: ['stats'],
  args: [],
  writes: false,
  async run({ ctx, store, community, member }) {
    await refreshStaleSnapshots(store, { communityId: community.id, today: ctx.asOf, skipLocked: false });
    const histogram = await store.scoreHistogram(community.id);
    const size = histogramSize(histogram);
    if (size === 0) {
      return reply('info', 'No community statistics yet', {
        summary: 'Statistics come from members who joined the leaderboard and have a score. Join with "join".',
      });
    }
    const mine = displayedScore(await store.listContracts(member.id), ctx.asOf, modelOptionsOf(community)).score;
    return communityStatsReply(histogram, size, mine);
  },
});
