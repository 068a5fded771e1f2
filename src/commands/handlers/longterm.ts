import { longTermReply } from '../../replies/score.ts';
import { analyzeMember } from '../scoring.ts';
import { defineCommand } from '../define.ts';

export const longterm = defineCommand({
  name: 'longterm',
  summary: 'Your long-term client score, what it means for you, and who becomes long-term when.',
  usage: 'longterm',
  examples: ['longterm'],
  args: [],
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    return longTermReply(analysis.score, analysis.tips);
  },
});
