// Contracts as CSV: one row a contract, the contract file's field names as columns; payments in
// one cell as "YYYY-MM-DD=amount" pairs joined by ";". Export then import gives the same contracts.

import { parse } from 'csv-parse/sync';
import type { Contract, Payment } from '../scoring/types.ts';
import { END_REASON_ALIASES, readDay, readDecimal, readMoney } from './forgiving-values.ts';
import { CONTRACT_FIELDS, LIMITS } from './schema.ts';
import { showValue, validateContracts, type ValidationResult } from './validate.ts';

export const CSV_COLUMNS = CONTRACT_FIELDS;

// Cells are read as chat arguments are ($1,200, 4,5 stars, Jan 5 2026): a file from a spreadsheet
// says what a member would type. A cell no reader takes is kept as text for the validator to name.
const MONEY_FIELDS = new Set(['earnings']);
const NUMBER_FIELDS = new Set(['stars', 'privateScore']);
const DATE_FIELDS = new Set(['start', 'end', 'lastPayment']);
const BOOLEAN_FIELDS = new Set(['disputed', 'refunded', 'clientFlagged', 'pausedForClient']);

function cell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function paymentsCell(payments: readonly Payment[] | null | undefined): string {
  return (payments ?? []).map((payment) => `${payment.date}=${payment.amount}`).join(';');
}

export function contractsToCsv(contracts: readonly Contract[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const contract of contracts) {
    const row = CSV_COLUMNS.map((column) => {
      if (column === 'payments') return cell(paymentsCell(contract.payments));
      const value = contract[column];
      return value === null || value === undefined ? '' : cell(String(value));
    });
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function problem(position: number, field: string, message: string): ValidationResult {
  return { ok: false, problems: [{ position, id: null, field, message }] };
}

function parsePayments(text: string, asOf: string): Payment[] | string {
  const payments: Payment[] = [];
  for (const part of text.split(';')) {
    const match = /^\s*([^=]+?)\s*=\s*(\S+)\s*$/.exec(part);
    const date = match ? readDay(match[1] as string, asOf) : null;
    const amount = match ? readMoney(match[2] as string) : null;
    if (!date?.ok || !amount?.ok) return `got ${showValue(part)}, expected payments as YYYY-MM-DD=amount joined by ";"`;
    payments.push({ date: date.value, amount: amount.value });
  }
  return payments;
}

/** Reads CSV rows into contracts and validates them as a contract file would be. */
export function parseContractsCsv(text: string, asOf: string): ValidationResult {
  if (text.trim() === '')
    return problem(0, '', `the CSV is empty; expected a header row (${CSV_COLUMNS.join(',')}) and one row a contract`);
  let rows: string[][];
  try {
    rows = parse(text, {
      relax_column_count: false,
      skip_empty_lines: true,
      trim: false,
      max_record_size: 100_000,
    }) as string[][];
  } catch (error) {
    return problem(
      0,
      '',
      `the CSV cannot be read (${(error as Error).message}); expected comma-separated rows with a header`,
    );
  }
  const [header, ...records] = rows;
  if (!header) return problem(0, '', 'expected a header row');
  const columns = header.map((name) => name.trim());
  const unknown = columns.filter((name) => !(CSV_COLUMNS as string[]).includes(name));
  if (unknown.length > 0) {
    return problem(
      0,
      '',
      `unknown column${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => showValue(name)).join(', ')}; expected columns from ${CSV_COLUMNS.join(', ')}`,
    );
  }
  if (records.length > LIMITS.contractsPerFile)
    return problem(0, '', `got ${records.length} rows, expected at most ${LIMITS.contractsPerFile}`);
  const contracts: Record<string, unknown>[] = [];
  for (const [index, record] of records.entries()) {
    const contract: Record<string, unknown> = {};
    for (const [i, column] of columns.entries()) {
      const raw = record[i] ?? '';
      if (raw.trim() === '') continue;
      if (column === 'payments') {
        const payments = parsePayments(raw, asOf);
        if (typeof payments === 'string') return problem(index + 1, 'payments', payments);
        contract.payments = payments;
      } else if (MONEY_FIELDS.has(column)) {
        const read = readMoney(raw);
        contract[column] = read.ok ? read.value : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
      } else if (NUMBER_FIELDS.has(column)) {
        const read = readDecimal(raw);
        contract[column] = read.ok ? read.value : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
      } else if (DATE_FIELDS.has(column)) {
        const read = readDay(raw, asOf);
        contract[column] = read.ok ? read.value : raw;
      } else if (column === 'endReason') {
        contract[column] = END_REASON_ALIASES[raw.trim().toLowerCase()] ?? raw;
      } else if (BOOLEAN_FIELDS.has(column)) {
        const word = raw.trim().toLowerCase();
        contract[column] = word === 'true' ? true : word === 'false' ? false : raw;
      } else {
        contract[column] = raw;
      }
    }
    contracts.push(contract);
  }
  return validateContracts(contracts, asOf);
}
