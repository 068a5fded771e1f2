import { changedMeanwhile, findContract, unknownContract } from '../contract-input.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError } from '../types.ts';
import { undoable } from '../undoable.ts';

export const remove = defineCommand({
  name: 'remove',
  summary: 'Delete one of your contracts (undo puts it back within 24 hours).',
  usage: 'remove ID',
  examples: ['remove c2'],
  args: [],
  positional: {
    name: 'id',
    kind: { type: 'contractId' },
    required: true,
    description: 'the contract to delete, e.g. c1',
  },
  writes: true,
  async run({ ctx, store, clock, member, community, positionals }) {
    const [id] = positionals;
    if (id === undefined) throw new CommandError(errorReply('remove needs a contract id; e.g. remove c2'));
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    const deleted = await undoable(store, clock, member.id, `remove ${current.id}`, () =>
      store.deleteContract(member.id, current.id),
    );
    if (!deleted) throw changedMeanwhile(current.id, 'removed');
    const after = contracts.filter((contract) => contract !== current);
    return reply('success', `Removed ${current.id}`, {
      summary: contractLine(current),
      blocks: [scoreChangeBlock(contracts, after, ctx.asOf, community)],
      actions: [{ label: 'Undo', command: 'undo' }],
    });
  },
});
