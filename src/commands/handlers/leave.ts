import { reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';

export const leave = defineCommand({
  name: 'leave',
  summary: 'Leave the leaderboard and its statistics at once.',
  usage: 'leave',
  examples: ['leave'],
  args: [],
  writes: true,
  async run({ store, communityMember }) {
    await store.setMemberFlags(communityMember.id, { leaderboardOptIn: false });
    return reply('success', 'You left the leaderboard', {
      summary: 'You no longer appear in the leaderboard or its statistics. Join again with "join".',
    });
  },
});
