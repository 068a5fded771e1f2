import { whyReply } from '../../replies/score.ts';
import { findContract, unknownContract } from '../contract-input.ts';
import { analyzeMember } from '../scoring.ts';
import type { CommandDefinition } from '../types.ts';

export const why: CommandDefinition = {
  name: 'why',
  summary: 'How each contract counts (success, negative, neutral, left out) and why.',
  usage: 'why [ID]',
  examples: ['why', 'why c3'],
  args: [],
  maxPositionals: 1,
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    const [id] = run.positionals;
    if (id !== undefined && !findContract(analysis.contracts, id)) throw unknownContract(id, analysis.contracts);
    return whyReply(analysis.score, id);
  },
};
