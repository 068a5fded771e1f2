// Contracts and their payments. A member reaches only their own contracts: every query is keyed
// by member id, and contract ids compare case-insensitively (the unique index is on lower(id)).

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Contract, Payment } from '../src/scoring/types.ts';
import { contractColumns, paymentValues, sourceIdsOf, toContract, type PaymentRow } from './contract-rows.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './errors.ts';
import { toCents } from './money.ts';
import { contracts, payments } from './schema.ts';
import type { ReplaceOutcome } from '../src/ports/store.ts';

function byContractId(memberId: number, contractId: string) {
  return and(eq(contracts.memberId, memberId), sql`lower(${contracts.contractId}) = lower(${contractId})`);
}

/** Each member's contracts in the order they were added (members without any are absent). */
export async function loadContracts(db: Database, memberIds: readonly number[]): Promise<Map<number, Contract[]>> {
  const result = new Map<number, Contract[]>();
  if (memberIds.length === 0) return result;
  const ids = [...memberIds];
  const rows = await db.select().from(contracts).where(inArray(contracts.memberId, ids)).orderBy(asc(contracts.id));
  const paymentRows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(contracts, eq(payments.contractRowId, contracts.id))
    .where(inArray(contracts.memberId, ids))
    .orderBy(asc(payments.id));
  const paymentsByRow = new Map<number, PaymentRow[]>();
  for (const { payment } of paymentRows) {
    const list = paymentsByRow.get(payment.contractRowId);
    if (list) list.push(payment);
    else paymentsByRow.set(payment.contractRowId, [payment]);
  }
  for (const row of rows) {
    const contract = toContract(row, paymentsByRow.get(row.id) ?? []);
    const list = result.get(row.memberId);
    if (list) list.push(contract);
    else result.set(row.memberId, [contract]);
  }
  return result;
}

export async function getContract(db: Database, memberId: number, contractId: string): Promise<Contract | null> {
  const [row] = await db.select().from(contracts).where(byContractId(memberId, contractId)).limit(1);
  if (!row) return null;
  const paymentRows = await db.select().from(payments).where(eq(payments.contractRowId, row.id)).orderBy(asc(payments.id));
  return toContract(row, paymentRows);
}

/**
 * Runs `work` in its own transaction, or in a savepoint when `db` already is a transaction, and
 * turns a unique violation into `taken`. The savepoint matters on PostgreSQL: a failed statement
 * would otherwise abort the caller's whole transaction.
 */
async function unlessTaken<T>(db: Database, work: (tx: Database) => Promise<T>, taken: T): Promise<T> {
  try {
    return await db.transaction(async (tx) => work(tx));
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

export function insertContract(db: Database, memberId: number, contract: Contract): Promise<boolean> {
  return unlessTaken(
    db,
    async (tx) => {
      const [row] = await tx
        .insert(contracts)
        .values({ memberId, ...contractColumns(contract) })
        .returning({ id: contracts.id });
      if (!row) throw new Error('inserting a contract returned no row');
      const values = paymentValues(row.id, contract.payments);
      if (values.length > 0) await tx.insert(payments).values(values);
      return true;
    },
    false,
  );
}

/** Updates the row in place (keeping its place in the member's order) and swaps its payments. */
export function replaceContract(db: Database, memberId: number, contractId: string, contract: Contract): Promise<ReplaceOutcome> {
  return unlessTaken<ReplaceOutcome>(
    db,
    async (tx) => {
      // Finding and changing the row in one statement: nothing can delete it in between.
      const [row] = await tx
        .update(contracts)
        .set({ ...contractColumns(contract), updatedAt: sql`now()` })
        .where(byContractId(memberId, contractId))
        .returning({ id: contracts.id });
      if (!row) return 'not-found';
      // An edit rewrites the payments: imported ones keep their source ids, so importing again adds nothing twice.
      const removed = await tx.delete(payments).where(eq(payments.contractRowId, row.id)).returning({ date: payments.date, amountCents: payments.amountCents, sourceId: payments.sourceId });
      const values = paymentValues(row.id, contract.payments, sourceIdsOf(removed));
      if (values.length > 0) await tx.insert(payments).values(values);
      return 'replaced';
    },
    'id-taken',
  );
}

/** Appends a payment; stated earnings grow by it (earnings are the total paid), derived ones (null) follow the payments. */
export function addPayment(db: Database, memberId: number, contractId: string, payment: Payment): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ earningsCents: sql`${contracts.earningsCents} + ${toCents(payment.amount)}`, updatedAt: sql`now()` })
      .where(byContractId(memberId, contractId))
      .returning({ id: contracts.id });
    if (!row) return false;
    await tx.insert(payments).values(paymentValues(row.id, [payment]));
    return true;
  });
}

export async function deleteContract(db: Database, memberId: number, contractId: string): Promise<boolean> {
  const deleted = await db.delete(contracts).where(byContractId(memberId, contractId)).returning({ id: contracts.id });
  return deleted.length > 0;
}

export async function deleteAllContracts(db: Database, memberId: number): Promise<number> {
  const deleted = await db.delete(contracts).where(eq(contracts.memberId, memberId)).returning({ id: contracts.id });
  return deleted.length;
}
