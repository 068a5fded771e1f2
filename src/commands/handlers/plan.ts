import { planContracts } from '../../scoring/index.ts';
import { planReply } from '../../replies/score.ts';
import { integer, MONEY } from '../args.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

export const plan = defineCommand({
  name: 'plan',
  summary: 'How many new successful contracts reach a target score, and whether waiting alone does.',
  usage: 'plan [target:90] [earnings:USD (your median)]',
  examples: ['plan', 'plan target:95 earnings:800'],
  args: [
    { name: 'target', kind: integer(1, 100), description: 'the score to reach' },
    { name: 'earnings', kind: MONEY, description: 'earnings of each new contract' },
  ],
  writes: false,
  async run({ ctx, store, member, community, args }) {
    const contracts = await store.listContracts(member.id);
    const options = {
      ...(args.target !== undefined && { target: args.target }),
      ...(args.earnings !== undefined && { earnings: args.earnings }),
    };
    return planReply(planContracts(contracts, ctx.asOf, options, modelOptionsOf(community)));
  },
});
