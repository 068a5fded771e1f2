// A Contract ↔ its rows: one in `contracts`, one per payment in `payments`. Read back, a contract
// has every field in the contract file's order, null where the member gave nothing.

import type { Contract, Payment } from '../src/scoring/types.ts';
import { toCents, toDollars } from './money.ts';
import type { contracts, payments } from './schema.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

/** The columns a contract sets (all of them, so a replace clears what the new version leaves out). */
export function contractColumns(contract: Contract) {
  return {
    contractId: contract.id,
    client: contract.client,
    type: contract.type,
    startDate: contract.start,
    endDate: contract.end ?? null,
    earningsCents: contract.earnings === null || contract.earnings === undefined ? null : toCents(contract.earnings),
    lastPayment: contract.lastPayment ?? null,
    stars: contract.stars ?? null,
    privateScore: contract.privateScore ?? null,
    endReason: contract.endReason ?? null,
    disputed: contract.disputed ?? false,
    refunded: contract.refunded ?? false,
    clientFlagged: contract.clientFlagged ?? false,
    pausedForClient: contract.pausedForClient ?? false,
    counted: contract.counted ?? null,
  } satisfies Partial<typeof contracts.$inferInsert>;
}

/** Imported payments' source ids by "date|cents", so a rewritten contract keeps them (see replaceContract). */
export type SourceIds = Map<string, string[]>;

export function sourceIdsOf(
  rows: readonly { date: string; amountCents: number; sourceId: string | null }[],
): SourceIds {
  const sources: SourceIds = new Map();
  for (const row of rows) {
    if (row.sourceId === null) continue;
    const key = `${row.date}|${row.amountCents}`;
    const list = sources.get(key);
    if (list) list.push(row.sourceId);
    else sources.set(key, [row.sourceId]);
  }
  return sources;
}

/** Each payment takes a kept source id of its date and amount, when there is one left. */
export function paymentValues(
  contractRowId: number,
  list: readonly Payment[] | null | undefined,
  sources: SourceIds = new Map(),
): (typeof payments.$inferInsert)[] {
  return (list ?? []).map((payment) => {
    const amountCents = toCents(payment.amount);
    const sourceId = sources.get(`${payment.date}|${amountCents}`)?.shift() ?? null;
    return { contractRowId, date: payment.date, amountCents, sourceId };
  });
}

/** `paymentRows` must be this contract's, in the order they were added. */
export function toContract(
  row: ContractRow,
  paymentRows: readonly Pick<PaymentRow, 'date' | 'amountCents'>[],
): Contract {
  return {
    id: row.contractId,
    client: row.client,
    type: row.type,
    start: row.startDate,
    end: row.endDate,
    earnings: row.earningsCents === null ? null : toDollars(row.earningsCents),
    payments:
      paymentRows.length === 0
        ? null
        : paymentRows.map((payment) => ({ date: payment.date, amount: toDollars(payment.amountCents) })),
    lastPayment: row.lastPayment,
    stars: row.stars,
    privateScore: row.privateScore,
    endReason: row.endReason,
    disputed: row.disputed,
    refunded: row.refunded,
    clientFlagged: row.clientFlagged,
    pausedForClient: row.pausedForClient,
    counted: row.counted,
  };
}
