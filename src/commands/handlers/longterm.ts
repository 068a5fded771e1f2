import { longTermReply } from '../../replies/score.ts';
import { analyzeMember } from '../scoring.ts';
import type { CommandDefinition } from '../types.ts';

export const longterm: CommandDefinition = {
  name: 'longterm',
  summary: 'Your long-term client score, what it means for you, and who becomes long-term when.',
  usage: 'longterm',
  examples: ['longterm'],
  args: [],
  maxPositionals: 0,
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    return longTermReply(analysis.score, analysis.tips);
  },
};
