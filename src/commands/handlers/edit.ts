import { CONTRACT_ARGS } from '../args.ts';
import { applyArgs, changedMeanwhile, checkContract, findContract, unknownContract } from '../contract-input.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError } from '../types.ts';

export const edit = defineCommand({
  name: 'edit',
  summary: 'Change fields of a contract; field:none clears an optional field.',
  usage: 'edit ID field:value … (fields as in add; id:NEW renames)',
  examples: [
    'edit c1 stars:4.8',
    'edit c2 end:none',
    'edit c3 client:"Acme Ltd" earnings:2400',
    'edit c4 counted:neutral',
  ],
  args: CONTRACT_ARGS,
  positional: {
    name: 'id',
    kind: { type: 'contractId' },
    required: true,
    description: 'the contract to change, e.g. c1',
  },
  writes: true,
  async run({ ctx, store, member, community, args, positionals }) {
    const [id] = positionals;
    if (id === undefined || Object.keys(args).length === 0) {
      throw new CommandError(
        errorReply('edit needs a contract id and at least one field to change; e.g. edit c1 stars:5'),
      );
    }
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    const updated = checkContract(applyArgs(current as unknown as Record<string, unknown>, args), ctx.asOf);
    const outcome = await store.replaceContract(member.id, current.id, updated);
    if (outcome === 'id-taken')
      throw new CommandError(
        errorReply(`you already have a contract ${JSON.stringify(updated.id)}; expected a new id`),
      );
    if (outcome === 'not-found') throw changedMeanwhile(current.id, 'changed');
    const after = contracts.map((contract) => (contract === current ? updated : contract));
    return reply('success', `Changed ${updated.id}`, {
      summary: contractLine(updated),
      blocks: [scoreChangeBlock(contracts, after, ctx.asOf, community)],
      actions: [{ label: 'Score', command: 'score' }],
    });
  },
});
