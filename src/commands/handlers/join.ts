import { reply } from '../../replies/reply.ts';
import type { CommandDefinition } from '../types.ts';

export const join: CommandDefinition = {
  name: 'join',
  summary: "Appear on this community's leaderboard (your display name and score only).",
  usage: 'join',
  examples: ['join'],
  args: [],
  maxPositionals: 0,
  writes: true,
  async run({ store, member, community }) {
    await store.setMemberFlags(member.id, { leaderboardOptIn: true });
    const note = community.leaderboardEnabled ? '' : ' Leaderboards are switched off in this community for now.';
    return reply('success', 'You are on the leaderboard', {
      summary: `Others see your display name, estimated score and long-term client percentage; never your contracts. Leave any time with "leave".${note}`,
    });
  },
};
