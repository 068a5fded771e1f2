import { DATE, pickArgs } from '../args.ts';
import { applyArgs, changedMeanwhile, checkContract, findContract, unknownContract } from '../contract-input.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { CommandError, type CommandDefinition } from '../types.ts';

export const end: CommandDefinition = {
  name: 'end',
  summary: "Close a contract, with the client's feedback if any.",
  usage: 'end ID [end:YYYY-MM-DD (today)] [stars:1-5] [privateScore:0-10] [endReason:completed|cancelled|client_unresponsive|other] [disputed:true] [refunded:true] [counted:success|neutral|negative|excluded]',
  examples: ['end c3 stars:5', 'end c4 endReason:client_unresponsive', 'end c5 end:2026-11-20 stars:4.6'],
  args: [{ name: 'end', kind: DATE, description: 'the day it ended (default: today)' }, ...pickArgs(['stars', 'privateScore', 'endReason', 'disputed', 'refunded', 'counted'])],
  maxPositionals: 1,
  writes: true,
  async run({ ctx, store, member, args, positionals }) {
    const [id] = positionals;
    if (id === undefined) throw new CommandError(errorReply('end needs a contract id; e.g. end c3 stars:5'));
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    if (current.end) throw new CommandError(errorReply(`${current.id} already ended on ${current.end}; change it with edit ${current.id} …`));
    const updated = checkContract(applyArgs({ ...current, end: ctx.asOf }, args), ctx.asOf);
    // The id stays, so anything but 'replaced' means the contract changed under us.
    if ((await store.replaceContract(member.id, current.id, updated)) !== 'replaced') throw changedMeanwhile(current.id, 'ended');
    return reply('success', `Ended ${updated.id} on ${updated.end}`, { summary: contractLine(updated), actions: [{ label: 'Score', command: 'score' }] });
  },
};
