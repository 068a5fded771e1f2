// Contracts and their payments. A member reaches only their own contracts: every query is keyed
// by member id, and contract ids compare case-insensitively (the unique index is on lower(id)).

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Contract, Payment } from '../src/scoring/index.ts';
import { contractColumns, paymentValues, sourceIdsOf, toContract, type PaymentRow } from './contract-rows.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './errors.ts';
import { toCents } from './money.ts';
import { contracts, payments } from './schema.ts';
import type { ReplaceOutcome } from '../src/ports/store.ts';

function byContractId(memberId: number, contractId: string) {
  return and(eq(contracts.memberId, memberId), sql`lower(${contracts.contractId}) = lower(${contractId})`);
}

/**
 * A contract's payments as one JSON array (oldest first), so a contract and its payments are one row.
 * The outer id is written qualified: drizzle leaves columns of a one-table select unqualified, and
 * a bare "id" inside the subquery would be the payment's.
 */
export const paymentsJson = sql<
  PaymentJson[] | string
>`coalesce((select json_agg(json_build_object('date', p.date, 'amountCents', p.amount_cents) order by p.id) from ${payments} p where p.contract_row_id = "contracts"."id"), '[]'::json)`.as(
  'payments',
);

type PaymentJson = Pick<PaymentRow, 'date' | 'amountCents'>;

/** postgres.js hands json back parsed; a driver that hands back text gets parsed here. */
export function paymentsOf(value: PaymentJson[] | string): PaymentJson[] {
  return typeof value === 'string' ? (JSON.parse(value) as PaymentJson[]) : value;
}

function contractsWithPayments(db: Database) {
  return db.select({ row: contracts, payments: paymentsJson }).from(contracts);
}

/** One member's contracts with their payments: one statement, prepared once per database or transaction. */
const memberContracts = new WeakMap<Database, ReturnType<typeof prepareMemberContracts>>();

function prepareMemberContracts(db: Database) {
  return contractsWithPayments(db)
    .where(eq(contracts.memberId, sql.placeholder('memberId')))
    .orderBy(asc(contracts.id))
    .prepare('member_contracts');
}

export async function listContracts(db: Database, memberId: number): Promise<Contract[]> {
  let prepared = memberContracts.get(db);
  if (!prepared) {
    prepared = prepareMemberContracts(db);
    memberContracts.set(db, prepared);
  }
  const rows = await prepared.execute({ memberId });
  return rows.map(({ row, payments: list }) => toContract(row, paymentsOf(list)));
}

/** Each member's contracts in the order they were added (members without any are absent): one statement. */
export async function loadContracts(db: Database, memberIds: readonly number[]): Promise<Map<number, Contract[]>> {
  const result = new Map<number, Contract[]>();
  if (memberIds.length === 0) return result;
  const rows = await contractsWithPayments(db)
    .where(inArray(contracts.memberId, [...memberIds]))
    .orderBy(asc(contracts.id));
  for (const { row, payments: list } of rows) {
    const contract = toContract(row, paymentsOf(list));
    const found = result.get(row.memberId);
    if (found) found.push(contract);
    else result.set(row.memberId, [contract]);
  }
  return result;
}

export async function getContract(db: Database, memberId: number, contractId: string): Promise<Contract | null> {
  const [found] = await contractsWithPayments(db).where(byContractId(memberId, contractId)).limit(1);
  return found ? toContract(found.row, paymentsOf(found.payments)) : null;
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
export function replaceContract(
  db: Database,
  memberId: number,
  contractId: string,
  contract: Contract,
): Promise<ReplaceOutcome> {
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
      const removed = await tx
        .delete(payments)
        .where(eq(payments.contractRowId, row.id))
        .returning({ date: payments.date, amountCents: payments.amountCents, sourceId: payments.sourceId });
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
