import { reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';

export const join = defineCommand({
  name: 'join',
  summary: "Appear on this community's leaderboard (your display name and score only).",
  usage: 'join',
  examples: ['join'],
  args: [],
  writes: true,
  async run({ store, communityMember, community }) {
    await store.setMemberFlags(communityMember.id, { leaderboardOptIn: true });
    const note = community.leaderboardEnabled ? '' : ' Leaderboards are switched off in this community for now.';
    return reply('success', 'You are on the leaderboard', {
      summary: `Others see your display name, estimated score and long-term client percentage; never your contracts. Leave any time with "leave".${note}`,
    });
  },
});
