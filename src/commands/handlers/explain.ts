import { explainReply } from '../../replies/explain.ts';
import { reply } from '../../replies/reply.ts';
import { explainGap } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

export const explain = defineCommand({
  name: 'explain',
  group: 'upwork',
  summary:
    'What Upwork may know that the bot does not: hidden facts that make the estimate meet your recorded scores, each with the command that applies it.',
  usage: 'explain',
  examples: ['explain'],
  args: [],
  writes: false,
  async run({ store, member, community }) {
    const observations = await store.listObservations(member.id);
    if (observations.length === 0) {
      return reply('info', 'Nothing to explain yet', {
        summary:
          'Record the Job Success Score Upwork shows you first: actual 87 (for today) or actual 87 date:2026-11-20.',
      });
    }
    const contracts = await store.listContracts(member.id);
    return explainReply(explainGap(contracts, observations, modelOptionsOf(community)));
  },
});
