// Writes of an Upwork import: new contracts with their Upwork number and title, payments with
// their source ids, refunds remembered by source id. What the member imported before is read
// back as keys, so the same row is never stored twice.

import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { ContractImport, ImportedKeys, SourcedPayment } from '../src/contracts/upwork/plan.ts';
import type { Contract } from '../src/scoring/types.ts';
import { bulkInsert } from './bulk-insert.ts';
import { contractColumns, paymentValues } from './contract-rows.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './errors.ts';
import { toCents } from './money.ts';
import { contracts, payments } from './schema.ts';

export async function importedKeys(db: Database, memberId: number): Promise<ImportedKeys> {
  const rows = await db
    .select({
      id: contracts.contractId,
      upworkContract: contracts.upworkContract,
      upworkTitle: contracts.upworkTitle,
      refundSources: contracts.refundSources,
    })
    .from(contracts)
    .where(
      and(eq(contracts.memberId, memberId), or(isNotNull(contracts.upworkContract), isNotNull(contracts.upworkTitle))),
    );
  const sources = await db
    .select({ sourceId: payments.sourceId })
    .from(payments)
    .innerJoin(contracts, eq(payments.contractRowId, contracts.id))
    .where(and(eq(contracts.memberId, memberId), isNotNull(payments.sourceId)));
  return {
    contracts: rows.map(({ id, upworkContract, upworkTitle }) => ({ id, upworkContract, upworkTitle })),
    sourceIds: [...sources.map((row) => row.sourceId as string), ...rows.flatMap((row) => row.refundSources)],
  };
}

type ContractInsert = typeof contracts.$inferInsert;
type PaymentInsert = typeof payments.$inferInsert;

/** Inserts the rows (see bulkInsert); `skip` leaves out rows whose id (or Upwork number) is taken. Returns the row ids by lower-case contract id. */
async function insertContractRows(
  tx: Database,
  rows: readonly ContractInsert[],
  onConflict: 'skip' | 'fail',
): Promise<Map<string, number>> {
  const returned = await bulkInsert<typeof contracts, { id: number | string; contract_id: string }>(tx, {
    table: contracts,
    rows,
    skipConflicts: onConflict === 'skip',
    returning: ['id', 'contract_id'],
  });
  return new Map(returned.map((row) => [row.contract_id.toLowerCase(), Number(row.id)]));
}

async function insertPaymentRows(tx: Database, rows: readonly PaymentInsert[]): Promise<void> {
  await bulkInsert(tx, { table: payments, rows });
}

class IdsTaken extends Error {
  constructor(readonly ids: string[]) {
    super('contract ids taken');
  }
}

/**
 * Inserts all the contracts with their payments, or none (a savepoint when `db` is a transaction
 * already): one insert per table (and 5,000 rows). Returns the ids found taken (by a write that
 * did not wait for the member's lock); empty when everything was stored.
 */
export async function insertContracts(db: Database, memberId: number, list: readonly Contract[]): Promise<string[]> {
  if (list.length === 0) return [];
  try {
    await db.transaction(async (tx) => {
      const rowIds = await insertContractRows(
        tx,
        list.map((contract) => ({ memberId, ...contractColumns(contract) })),
        'skip',
      );
      const taken = list.filter((contract) => !rowIds.has(contract.id.toLowerCase())).map((contract) => contract.id);
      if (taken.length > 0) throw new IdsTaken(taken);
      await insertPaymentRows(
        tx,
        list.flatMap((contract) => paymentValues(rowIds.get(contract.id.toLowerCase()) as number, contract.payments)),
      );
    });
    return [];
  } catch (error) {
    if (error instanceof IdsTaken) return error.ids;
    throw error;
  }
}

function sourcedValues(contractRowId: number, list: readonly SourcedPayment[]): PaymentInsert[] {
  return list.map((payment) => ({
    contractRowId,
    date: payment.date,
    amountCents: toCents(payment.amount),
    sourceId: payment.sourceId,
  }));
}

function textArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/** False when the contract is gone (a write that did not wait for the member's lock). */
async function updateImported(
  tx: Database,
  memberId: number,
  existingId: string,
  change: ContractImport,
  newPayments: PaymentInsert[],
): Promise<boolean> {
  const [row] = await tx
    .update(contracts)
    .set({
      ...contractColumns(change.contract),
      upworkContract: sql`coalesce(${contracts.upworkContract}, ${change.upworkContract})`,
      upworkTitle: sql`coalesce(${contracts.upworkTitle}, ${change.upworkTitle})`,
      ...(change.refundSources.length > 0 && {
        refundSources: sql`${contracts.refundSources} || ${textArray(change.refundSources)}`,
      }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(contracts.memberId, memberId), sql`lower(${contracts.contractId}) = lower(${existingId})`))
    .returning({ id: contracts.id });
  if (!row) return false;
  newPayments.push(...sourcedValues(row.id, change.newPayments));
  return true;
}

class ImportRaced extends Error {}

/**
 * Stores every change or none (a savepoint when `db` is a transaction already). False when an id,
 * an Upwork number or a source id was taken meanwhile, or a contract to update went.
 */
export async function saveImport(db: Database, memberId: number, changes: readonly ContractImport[]): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      const newPayments: PaymentInsert[] = [];
      for (const change of changes) {
        if (change.existingId !== null && !(await updateImported(tx, memberId, change.existingId, change, newPayments)))
          throw new ImportRaced();
      }
      const added = changes.filter((change) => change.existingId === null);
      const rowIds = await insertContractRows(
        tx,
        added.map((change) => ({
          memberId,
          ...contractColumns(change.contract),
          upworkContract: change.upworkContract,
          upworkTitle: change.upworkTitle,
          refundSources: change.refundSources,
        })),
        'fail',
      );
      for (const change of added)
        newPayments.push(...sourcedValues(rowIds.get(change.contract.id.toLowerCase()) as number, change.newPayments));
      await insertPaymentRows(tx, newPayments);
    });
    return true;
  } catch (error) {
    if (error instanceof ImportRaced || isUniqueViolation(error)) return false;
    throw error;
  }
}
