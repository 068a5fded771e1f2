import { DATE, MONEY } from '../args.ts';
import { changedMeanwhile, checkContract, findContract, unknownContract } from '../contract-input.ts';
import { contractLine, usd } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import type { Contract, Payment } from '../../scoring/index.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError } from '../types.ts';
import { CONFIRM_ARG, confirmedCommand, recordedPayment } from '../duplicates.ts';

/**
 * Earnings stay the total paid: a stated total grows with the payment; a derived one follows the
 * payments. A contract paid before without a list of payments (earnings, maybe lastPayment) keeps
 * that history: starting a list would make this payment its first and erase the months before.
 */
function withPayment(contract: Contract, payment: Payment): Contract {
  const stated = contract.earnings ?? null;
  const earnings = stated === null ? null : Math.round((stated + payment.amount) * 100) / 100;
  const listed = contract.payments ?? [];
  if (listed.length === 0 && stated !== null && stated > 0) {
    const last = contract.lastPayment && contract.lastPayment > payment.date ? contract.lastPayment : payment.date;
    return { ...contract, earnings, lastPayment: last };
  }
  return { ...contract, earnings, payments: [...listed, payment] };
}

const PAY_ARGS = [
  { name: 'amount', kind: MONEY, description: 'the payment, US dollars' },
  { name: 'date', kind: DATE, description: 'the day it was paid (default: today)' },
  CONFIRM_ARG,
] as const;

export const pay = defineCommand({
  name: 'pay',
  summary: 'Record a payment on a contract (keeps open work counting).',
  usage: 'pay ID amount:USD [date:YYYY-MM-DD (today)] [confirm:yes]',
  examples: ['pay c3 amount:800', 'pay c3 amount:450.50 date:2026-11-14'],
  args: PAY_ARGS,
  positional: { name: 'id', kind: { type: 'contractId' }, required: true, description: 'the contract paid, e.g. c1' },
  requires: ['amount'],
  writes: true,
  async run({ ctx, store, member, community, args, positionals }) {
    const [id] = positionals;
    const { amount } = args;
    if (id === undefined || amount === undefined)
      throw new CommandError(errorReply('pay needs a contract id and an amount; e.g. pay c3 amount:800'));
    if (amount <= 0) throw new CommandError(errorReply(`amount: got ${amount}, expected more than $0`));
    const contracts = await store.listContracts(member.id);
    const current = findContract(contracts, id);
    if (!current) throw unknownContract(id, contracts);
    const payment = { date: args.date ?? ctx.asOf, amount };
    const recorded = args.confirm === 'yes' ? null : recordedPayment(current, payment);
    if (recorded) {
      // The date is spelled out: confirming tomorrow must record the payment of the day asked about.
      const command = confirmedCommand('pay', [current.id], { amount, date: payment.date }, PAY_ARGS);
      const listed = recorded === 'listed';
      const title = listed
        ? `${usd(amount)} on ${payment.date} is already recorded on ${current.id} — add again?`
        : `${current.id} already has a payment on ${payment.date} — add again?`;
      const why = listed ? '' : ` ${current.id} keeps only its total paid, so amounts cannot be compared.`;
      return reply('confirm', title, {
        summary: `Nothing was recorded.${why} To record it again as a payment of its own: ${command}`,
        actions: [{ label: 'Record again', command }],
      });
    }
    const updated = checkContract({ ...withPayment(current, payment) }, ctx.asOf);
    if ((await store.replaceContract(member.id, current.id, updated)) !== 'replaced')
      throw changedMeanwhile(current.id, 'recorded');
    const after = contracts.map((contract) => (contract === current ? updated : contract));
    return reply('success', `Recorded ${usd(amount)} on ${current.id} (${payment.date})`, {
      summary: contractLine(updated),
      blocks: [scoreChangeBlock(contracts, after, ctx.asOf, community)],
    });
  },
});
