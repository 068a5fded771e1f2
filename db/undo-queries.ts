// Undo snapshots: a member's contracts and payments saved whole (to_jsonb of each row, ids and
// times included) before an undoable change, and put back row for row by `undo`. Restoring from
// the same rows, not from Contract objects, is what makes undo exact: Upwork numbers and titles,
// payment source ids, refund sources and row ids come back too, so importing again still adds
// nothing twice. All keyed by member id: a member reaches only their own snapshot.

import { and, eq, getTableColumns, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { UndoSnapshot } from '../src/ports/store.ts';
import type { Contract } from '../src/scoring/types.ts';
import { toContract, type ContractRow, type PaymentRow } from './contract-rows.ts';
import type { Database } from './database.ts';
import { contracts, payments, undoSnapshots } from './schema.ts';

/** The member's contract rows as one jsonb array, oldest first. */
function contractsJson(memberId: number): SQL {
  return sql`(select coalesce(jsonb_agg(to_jsonb(c) order by c.id), '[]'::jsonb) from ${contracts} c where c.member_id = ${memberId})`;
}

/** The payment rows of the member's contracts as one jsonb array, oldest first. */
function paymentsJson(memberId: number): SQL {
  return sql`(select coalesce(jsonb_agg(to_jsonb(p) order by p.id), '[]'::jsonb) from ${payments} p join ${contracts} c on c.id = p.contract_row_id where c.member_id = ${memberId})`;
}

/** A new snapshot replaces the member's older one (one per member: the latest change). */
export async function saveUndoSnapshot(
  db: Database,
  memberId: number,
  change: string,
  takenAt: Date,
  expiresAt: Date,
): Promise<void> {
  const values = {
    change,
    contracts: contractsJson(memberId),
    payments: paymentsJson(memberId),
    afterContracts: null,
    afterPayments: null,
    createdAt: takenAt,
    expiresAt,
  };
  await db
    .insert(undoSnapshots)
    .values({ memberId, ...values })
    .onConflictDoUpdate({ target: undoSnapshots.memberId, set: values });
}

/** Notes the contracts as they are right after the change, so undo can tell what came later. */
export async function sealUndoSnapshot(db: Database, memberId: number): Promise<void> {
  await db
    .update(undoSnapshots)
    .set({ afterContracts: contractsJson(memberId), afterPayments: paymentsJson(memberId) })
    .where(eq(undoSnapshots.memberId, memberId));
}

type JsonRow = Record<string, unknown>;

/** A row as to_jsonb wrote it (snake-case column names) → drizzle's row (its keys). */
function fromJson<T>(table: PgTable, json: JsonRow): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) row[key] = json[column.name] ?? null;
  return row as T;
}

function contractsOf(contractJson: unknown, paymentJson: unknown): Contract[] {
  const byRow = new Map<number, PaymentRow[]>();
  for (const json of (paymentJson as JsonRow[] | null) ?? []) {
    const payment = fromJson<PaymentRow>(payments, json);
    byRow.set(payment.contractRowId, [...(byRow.get(payment.contractRowId) ?? []), payment]);
  }
  return ((contractJson as JsonRow[] | null) ?? []).map((json) => {
    const row = fromJson<ContractRow>(contracts, json);
    return toContract(row, byRow.get(row.id) ?? []);
  });
}

/** The member's snapshot, expired or not (the caller tells a member which). */
export async function getUndoSnapshot(db: Database, memberId: number): Promise<UndoSnapshot | null> {
  const [row] = await db.select().from(undoSnapshots).where(eq(undoSnapshots.memberId, memberId));
  if (!row) return null;
  return {
    change: row.change,
    takenAt: row.createdAt,
    expiresAt: row.expiresAt,
    before: contractsOf(row.contracts, row.payments),
    after: row.afterContracts === null ? null : contractsOf(row.afterContracts, row.afterPayments),
  };
}

/** Column names of a table, quoted, in the schema's order (for an INSERT … SELECT). */
function columnList(table: PgTable): SQL {
  return sql.raw(
    Object.values(getTableColumns(table))
      .map((column) => `"${column.name}"`)
      .join(', '),
  );
}

/**
 * Replaces the member's contracts (and their payments) with the snapshot's rows, ids included, and
 * uses the snapshot up. False, changing nothing, when there is no unexpired snapshot. The ids are
 * free: they came from the sequences and only this member's deleted rows held them.
 */
export function restoreUndoSnapshot(db: Database, memberId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .delete(undoSnapshots)
      .where(and(eq(undoSnapshots.memberId, memberId), gt(undoSnapshots.expiresAt, now)))
      .returning({ contracts: undoSnapshots.contracts, payments: undoSnapshots.payments });
    if (!taken) return false;
    // Payments go with their contracts (ON DELETE CASCADE).
    await tx.delete(contracts).where(eq(contracts.memberId, memberId));
    const contractColumns = columnList(contracts);
    await tx.execute(
      sql`insert into ${contracts} (${contractColumns}) select ${contractColumns} from jsonb_populate_recordset(null::${contracts}, ${JSON.stringify(taken.contracts)}::jsonb)`,
    );
    const paymentColumns = columnList(payments);
    await tx.execute(
      sql`insert into ${payments} (${paymentColumns}) select ${paymentColumns} from jsonb_populate_recordset(null::${payments}, ${JSON.stringify(taken.payments)}::jsonb)`,
    );
    return true;
  });
}

/** Deletes snapshots that ran out by `now` (of one member, or of everyone); returns how many. */
export async function pruneUndoSnapshots(db: Database, now: Date, memberId?: number): Promise<number> {
  const expired = lte(undoSnapshots.expiresAt, now);
  const deleted = await db
    .delete(undoSnapshots)
    .where(memberId === undefined ? expired : and(expired, eq(undoSnapshots.memberId, memberId)))
    .returning({ memberId: undoSnapshots.memberId });
  return deleted.length;
}
