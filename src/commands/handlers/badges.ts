import { badgesReply } from '../../replies/badges.ts';
import { topRatedStatus } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

export const badges = defineCommand({
  name: 'badges',
  group: 'upwork',
  summary:
    'Top Rated tracking: 16 weekly scores (yours where recorded), 12-month earnings, when you qualify, and what the bot cannot see.',
  usage: 'badges',
  examples: ['badges'],
  args: [],
  writes: false,
  async run({ ctx, store, member, community }) {
    const contracts = await store.listContracts(member.id);
    const observations = await store.listObservations(member.id);
    return badgesReply(topRatedStatus(contracts, observations, ctx.asOf, modelOptionsOf(community)), ctx.asOf);
  },
});
