import { DATE, pickArgs } from '../args.ts';
import { applyArgs, changedMeanwhile, checkContract, findContract, unknownContract } from '../contract-input.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError } from '../types.ts';

export const end = defineCommand({
  name: 'end',
  summary: "Close a contract, with the client's feedback if any.",
  usage:
    'end ID [end:YYYY-MM-DD (today)] [stars:1-5] [privateScore:0-10] [endReason:completed|cancelled|client_unresponsive|other] [disputed:true] [refunded:true] [counted:success|neutral|negative|excluded]',
  examples: ['end c3 stars:5', 'end c4 endReason:client_unresponsive', 'end c5 end:2026-11-20 stars:4.6'],
  args: [
    { name: 'end', kind: DATE, description: 'the day it ended (default: today)' },
    ...pickArgs(['stars', 'privateScore', 'endReason', 'disputed', 'refunded', 'counted']),
  ],
  positional: {
    name: 'id',
    kind: { type: 'contractId' },
    required: true,
    description: 'the contract to close, e.g. c1',
  },
  writes: true,
  form: {
    title: 'End {positional}',
    submit: 'End contract',
    opensWhen: 'only-positional',
    fields: [
      { arg: 'end', label: 'Ended on', default: 'today', required: true },
      { arg: 'stars', label: 'Stars', hint: "The client's public feedback, 1–5.", placeholder: '5' },
      { arg: 'endReason', label: 'End reason', placeholder: 'completed' },
      { arg: 'counted', label: 'Upwork counted it as', hint: 'Only when you know it.', placeholder: 'not known' },
    ],
  },
  async run({ ctx, store, member, community, args, positionals }) {
    const [id] = positionals;
    if (id === undefined) throw new CommandError(errorReply('end needs a contract id; e.g. end c3 stars:5'));
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    if (current.end)
      throw new CommandError(
        errorReply(`${current.id} already ended on ${current.end}; change it with edit ${current.id} …`),
      );
    const updated = checkContract(applyArgs({ ...current, end: ctx.asOf }, args), ctx.asOf);
    // The id stays, so anything but 'replaced' means the contract changed under us.
    if ((await store.replaceContract(member.id, current.id, updated)) !== 'replaced')
      throw changedMeanwhile(current.id, 'ended');
    const after = contracts.map((contract) => (contract === current ? updated : contract));
    return reply('success', `Ended ${updated.id} on ${updated.end}`, {
      summary: contractLine(updated),
      blocks: [scoreChangeBlock(contracts, after, ctx.asOf, community)],
      actions: [{ label: 'Score', command: 'score' }],
    });
  },
});
