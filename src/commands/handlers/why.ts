import { whyReply } from '../../replies/score.ts';
import { findContract, unknownContract } from '../contract-input.ts';
import { analyzeMember } from '../scoring.ts';
import { defineCommand } from '../define.ts';

export const why = defineCommand({
  name: 'why',
  summary: 'How each contract counts (success, negative, neutral, left out) and why.',
  usage: 'why [ID]',
  examples: ['why', 'why c3'],
  args: [],
  positional: {
    name: 'id',
    kind: { type: 'contractId' },
    description: 'one contract to explain (default: all of them)',
  },
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    const [id] = run.positionals;
    if (id !== undefined && !findContract(analysis.contracts, id)) throw unknownContract(id, analysis.contracts);
    return whyReply(analysis.score, id);
  },
});
