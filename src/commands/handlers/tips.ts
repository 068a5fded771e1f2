import { tipsReply } from '../../replies/score.ts';
import { analyzeMember } from '../scoring.ts';
import { defineCommand } from '../define.ts';

export const tips = defineCommand({
  name: 'tips',
  summary: 'What to do next, from your own contracts: what to close, pay, ask for, and when.',
  usage: 'tips',
  examples: ['tips'],
  args: [],
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    return tipsReply(analysis.tips, analysis.score);
  },
});
