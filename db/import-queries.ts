// Writes of an Upwork import: new contracts with their Upwork number and title, payments with
// their source ids, refunds remembered by source id. What the member imported before is read
// back as keys, so the same row is never stored twice.

import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { ContractImport, ImportedKeys, SourcedPayment } from '../src/contracts/upwork/plan.ts';
import { contractColumns } from './contract-rows.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './errors.ts';
import { toCents } from './money.ts';
import { contracts, payments } from './schema.ts';

export async function importedKeys(db: Database, memberId: number): Promise<ImportedKeys> {
  const rows = await db
    .select({ id: contracts.contractId, upworkContract: contracts.upworkContract, upworkTitle: contracts.upworkTitle, refundSources: contracts.refundSources })
    .from(contracts)
    .where(and(eq(contracts.memberId, memberId), or(isNotNull(contracts.upworkContract), isNotNull(contracts.upworkTitle))));
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

function sourcedValues(contractRowId: number, list: readonly SourcedPayment[]): (typeof payments.$inferInsert)[] {
  return list.map((payment) => ({ contractRowId, date: payment.date, amountCents: toCents(payment.amount), sourceId: payment.sourceId }));
}

function textArray(values: readonly string[]) {
  return sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;
}

async function insertImported(tx: Database, memberId: number, change: ContractImport): Promise<void> {
  const [row] = await tx
    .insert(contracts)
    .values({ memberId, ...contractColumns(change.contract), upworkContract: change.upworkContract, upworkTitle: change.upworkTitle, refundSources: change.refundSources })
    .returning({ id: contracts.id });
  if (!row) throw new Error('inserting a contract returned no row');
  if (change.newPayments.length > 0) await tx.insert(payments).values(sourcedValues(row.id, change.newPayments));
}

/** False when the contract is gone (a write that did not wait for the member's lock). */
async function updateImported(tx: Database, memberId: number, existingId: string, change: ContractImport): Promise<boolean> {
  const [row] = await tx
    .update(contracts)
    .set({
      ...contractColumns(change.contract),
      upworkContract: sql`coalesce(${contracts.upworkContract}, ${change.upworkContract})`,
      upworkTitle: sql`coalesce(${contracts.upworkTitle}, ${change.upworkTitle})`,
      ...(change.refundSources.length > 0 && { refundSources: sql`${contracts.refundSources} || ${textArray(change.refundSources)}` }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(contracts.memberId, memberId), sql`lower(${contracts.contractId}) = lower(${existingId})`))
    .returning({ id: contracts.id });
  if (!row) return false;
  if (change.newPayments.length > 0) await tx.insert(payments).values(sourcedValues(row.id, change.newPayments));
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
      for (const change of changes) {
        if (change.existingId === null) await insertImported(tx, memberId, change);
        else if (!(await updateImported(tx, memberId, change.existingId, change))) throw new ImportRaced();
      }
    });
    return true;
  } catch (error) {
    if (error instanceof ImportRaced || isUniqueViolation(error)) return false;
    throw error;
  }
}
