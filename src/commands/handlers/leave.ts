import { reply } from '../../replies/reply.ts';
import type { CommandDefinition } from '../types.ts';

export const leave: CommandDefinition = {
  name: 'leave',
  summary: 'Leave the leaderboard and its statistics at once.',
  usage: 'leave',
  examples: ['leave'],
  args: [],
  maxPositionals: 0,
  writes: true,
  async run({ store, member }) {
    await store.setMemberFlags(member.id, { leaderboardOptIn: false });
    return reply('success', 'You left the leaderboard', { summary: 'You no longer appear in the leaderboard or its statistics. Join again with "join".' });
  },
};
