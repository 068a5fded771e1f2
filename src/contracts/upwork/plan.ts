// What importing an Upwork file changes: its rows grouped into contracts (by Upwork contract
// number, else by title), matched to the member's contracts imported before, rows imported before
// (same source identity) left out. New contracts take the member's next free ids; an existing one
// gains payments and loses nothing. Pure: the command layer reads and writes the database.

import type { Contract } from '../../scoring/types.ts';
import { LIMITS } from '../schema.ts';
import { validateContracts } from '../validate.ts';
import { nextFreeId } from './next-id.ts';
import type { UpworkFile, UpworkRow } from './read-csv.ts';

/** Format 3 names no client: such contracts get a placeholder the member is asked to replace. */
export const UNKNOWN_CLIENT_PREFIX = 'unknown client (';

export interface SourcedPayment {
  date: string;
  amount: number;
  /** Where the payment came from (Upwork's transaction or ref id, else date + contract + amount). */
  sourceId: string;
}

/** What the member's earlier imports left: each contract's Upwork number and title, every source id. */
export interface ImportedKeys {
  contracts: { id: string; upworkContract: string | null; upworkTitle: string | null }[];
  sourceIds: string[];
}

export interface ContractImport {
  /** The contract as it will be stored, validated. */
  contract: Contract;
  /** The member's id of the contract it updates; null for a new contract. */
  existingId: string | null;
  upworkContract: string | null;
  upworkTitle: string;
  newPayments: SourcedPayment[];
  /** Source ids of the refunds applied now (kept so a second import does not apply them again). */
  refundSources: string[];
}

export interface ImportPlan {
  changes: ContractImport[];
  newContracts: number;
  updatedContracts: number;
  newPayments: number;
  refunds: number;
  /** Rows (payments and refunds) imported before, left out now. */
  knownRows: number;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problems: string[] };

interface Group {
  number: string | null;
  title: string;
  client: string | null;
  rows: UpworkRow[];
}

/** Rows by contract; a row naming only a title joins the numbered contract of that title in the file. */
function groupRows(rows: readonly UpworkRow[]): Group[] {
  const numberOfTitle = new Map<string, string | null>();
  for (const row of rows) {
    if (row.contract.number === null) continue;
    const title = row.contract.title.toLowerCase();
    const known = numberOfTitle.get(title);
    // A title two numbers share tells neither apart: such title-only rows stay on their own.
    numberOfTitle.set(title, known === undefined || known === row.contract.number ? row.contract.number : null);
  }
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const number = row.contract.number ?? numberOfTitle.get(row.contract.title.toLowerCase()) ?? null;
    const key = number !== null ? `n:${number}` : `t:${row.contract.title.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      group = { number, title: row.contract.title, client: null, rows: [] };
      groups.set(key, group);
    }
    if (row.contract.number !== null && group.title.startsWith('contract ')) group.title = row.contract.title;
    group.client ??= row.client;
    group.rows.push(row);
  }
  return [...groups.values()];
}

function existingIdOf(group: Group, keys: ImportedKeys): string | null {
  const byNumber =
    group.number === null ? undefined : keys.contracts.find((key) => key.upworkContract === group.number);
  if (byNumber) return byNumber.id;
  const title = group.title.toLowerCase();
  const byTitle = keys.contracts.find(
    (key) => key.upworkTitle?.toLowerCase() === title && (group.number === null || key.upworkContract === null),
  );
  return byTitle?.id ?? null;
}

const dollars = (cents: number) => cents / 100;
const sumCents = (list: readonly { amount: number }[]) =>
  list.reduce((sum, payment) => sum + Math.round(payment.amount * 100), 0);

function placeholderClient(title: string): string {
  return `${UNKNOWN_CLIENT_PREFIX}${title}`.slice(0, LIMITS.clientLength - 1) + ')';
}

function newContract(id: string, group: Group, payments: SourcedPayment[], refundCents: number): Contract {
  const paid = sumCents(payments);
  const dates = group.rows.map((row) => row.date).sort();
  return {
    id,
    client: group.client ?? placeholderClient(group.title),
    type: group.rows.some((row) => row.kind === 'hourly') ? 'hourly' : 'fixed',
    start: dates[0] as string,
    earnings: refundCents > 0 ? dollars(Math.max(0, paid - refundCents)) : null,
    payments: payments.map(({ date, amount }) => ({ date, amount })),
    refunded: refundCents > 0 ? true : null,
  };
}

/** Earnings stay the total paid: stated ones grow by the new payments, and a refund takes its part off. */
function mergedContract(
  current: Contract,
  payments: SourcedPayment[],
  refundCents: number,
  firstDate: string,
): Contract {
  const listed = [...(current.payments ?? []), ...payments.map(({ date, amount }) => ({ date, amount }))];
  const stated = current.earnings ?? null;
  let earningsCents = stated === null ? null : Math.round(stated * 100) + sumCents(payments);
  if (refundCents > 0) earningsCents = Math.max(0, (earningsCents ?? sumCents(listed)) - refundCents);
  return {
    ...current,
    start: firstDate < current.start ? firstDate : current.start,
    earnings: earningsCents === null ? null : dollars(earningsCents),
    payments: listed.length > 0 ? listed : null,
    refunded: refundCents > 0 ? true : (current.refunded ?? null),
  };
}

export function planUpworkImport(
  file: UpworkFile,
  existing: readonly Contract[],
  keys: ImportedKeys,
  asOf: string,
): PlanResult {
  const known = new Set(keys.sourceIds);
  const byId = new Map(existing.map((contract) => [contract.id.toLowerCase(), contract]));
  const taken = existing.map((contract) => contract.id);
  const plan: ImportPlan = {
    changes: [],
    newContracts: 0,
    updatedContracts: 0,
    newPayments: 0,
    refunds: 0,
    knownRows: 0,
  };
  const problems: string[] = [];
  // Oldest first, so new ids follow the order the work was done in.
  const groups = groupRows(file.rows).sort((a, b) => (a.rows[0]?.date ?? '').localeCompare(b.rows[0]?.date ?? ''));
  for (const group of groups) {
    const fresh = group.rows.filter((row) => !known.has(row.sourceId));
    plan.knownRows += group.rows.length - fresh.length;
    if (fresh.length === 0) continue;
    const payments = fresh
      .filter((row) => row.kind !== 'refund')
      .map((row) => ({ date: row.date, amount: dollars(row.cents), sourceId: row.sourceId }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const refunds = fresh.filter((row) => row.kind === 'refund');
    const refundCents = refunds.reduce((sum, row) => sum + row.cents, 0);
    const existingId = existingIdOf(group, keys);
    const current = existingId === null ? undefined : byId.get(existingId.toLowerCase());
    const firstDate = fresh.map((row) => row.date).sort()[0] as string;
    const contract = current
      ? mergedContract(current, payments, refundCents, firstDate)
      : newContract(nextFreeId(taken), group, payments, refundCents);
    if (!current) taken.push(contract.id);
    const checked = validateContracts([contract], asOf);
    const name =
      group.number === null ? JSON.stringify(group.title) : `${JSON.stringify(group.title)} (${group.number})`;
    if (!checked.ok) {
      problems.push(
        ...checked.problems.map(
          (problem) => `contract ${name}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`,
        ),
      );
      continue;
    }
    plan.changes.push({
      contract: checked.contracts[0] as Contract,
      existingId: current ? current.id : null,
      upworkContract: group.number,
      upworkTitle: group.title,
      newPayments: payments,
      refundSources: refunds.map((row) => row.sourceId),
    });
    if (current) plan.updatedContracts++;
    else plan.newContracts++;
    plan.newPayments += payments.length;
    plan.refunds += refunds.length;
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, plan };
}
