import { DATE, MONEY } from '../args.ts';
import { checkContract, findContract, unknownContract } from '../contract-input.ts';
import { contractLine, usd } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { CommandError, type CommandDefinition } from '../types.ts';

export const pay: CommandDefinition = {
  name: 'pay',
  summary: 'Record a payment on a contract (keeps open work counting).',
  usage: 'pay ID amount:USD [date:YYYY-MM-DD (today)]',
  examples: ['pay c3 amount:800', 'pay c3 amount:450.50 date:2026-11-14'],
  args: [
    { name: 'amount', kind: MONEY, description: 'the payment, US dollars' },
    { name: 'date', kind: DATE, description: 'the day it was paid (default: today)' },
  ],
  maxPositionals: 1,
  writes: true,
  async run({ ctx, store, member, args, positionals }) {
    const [id] = positionals;
    const amount = args.amount as number | undefined;
    if (id === undefined || amount === undefined) throw new CommandError(errorReply('pay needs a contract id and an amount; e.g. pay c3 amount:800'));
    if (amount <= 0) throw new CommandError(errorReply(`amount: got ${amount}, expected more than $0`));
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    const payment = { date: (args.date as string | undefined) ?? ctx.asOf, amount };
    // Earnings stay the total paid: a stated total grows with the payment; a derived one follows the payments.
    const earnings = current.earnings === null || current.earnings === undefined ? null : Math.round((current.earnings + amount) * 100) / 100;
    const updated = checkContract({ ...current, earnings, payments: [...(current.payments ?? []), payment] }, ctx.asOf);
    await store.replaceContract(member.id, current.id, updated);
    return reply('success', `Recorded ${usd(amount)} on ${current.id} (${payment.date})`, { summary: contractLine(updated) });
  },
};
