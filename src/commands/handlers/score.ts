import { scoreReply } from '../../replies/score.ts';
import { analyzeMember } from '../scoring.ts';
import type { CommandDefinition } from '../types.ts';

export const score: CommandDefinition = {
  name: 'score',
  summary: 'Your estimated Job Success Score, its windows, long-term clients and top tips.',
  usage: 'score',
  examples: ['score'],
  args: [],
  maxPositionals: 0,
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    return scoreReply(analysis.score, analysis.tips, analysis.forecast);
  },
};
