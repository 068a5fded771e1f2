// An Upwork CSV report → the rows that are money earned from a contract (or refunded against one),
// each with its date, whole cents, contract and source identity; every other row counted by type.
// All or nothing: any row that cannot be read makes problems naming its line, column and what
// was expected, and no rows at all.

import { parse } from 'csv-parse/sync';
import { parseDay } from '../../scoring/dates.ts';
import { LIMITS } from '../schema.ts';
import { showValue } from '../validate.ts';
import { contractKeyOf, type ContractKey } from './contract-key.ts';
import { rowKind, type PaymentKind } from './kinds.ts';
import { describeLayouts, normaliseColumn, recogniseLayout, type UpworkLayout } from './layouts.ts';
import { AMOUNT_FORMS, DATE_FORMS, parseUpworkCents, parseUpworkDate } from './values.ts';

/** The most rows one Upwork file may have (a busy member's year is a few thousand). */
export const MAX_UPWORK_ROWS = 20_000;

export interface UpworkRow {
  line: number;
  date: string;
  kind: PaymentKind | 'refund';
  /** Positive whole cents (a refund's too: it is taken off). */
  cents: number;
  contract: ContractKey;
  client: string | null;
  /** Upwork's id of the row, else date + contract + amount; "#2", "#3"… for repeats in the file. */
  sourceId: string;
}

export interface UpworkFile {
  layout: UpworkLayout;
  rows: UpworkRow[];
  /** Rows that are not earnings, counted by their type as written ("Service Fee": 120). */
  skipped: Map<string, number>;
  /** The first and last date of any row, or null for a file without rows. */
  from: string | null;
  to: string | null;
}

export type UpworkFileResult = { ok: true; file: UpworkFile } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

function failed(problem: string): UpworkFileResult {
  return { ok: false, problems: [problem] };
}

/** The key that tells contracts apart in source ids: the number, else the title in lower case. */
export function contractKeyText(contract: ContractKey): string {
  return contract.number !== null ? `n:${contract.number}` : `t:${contract.title.toLowerCase()}`;
}

export function readUpworkCsv(text: string, asOf: string): UpworkFileResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      max_record_size: 100_000,
    }) as unknown as typeof records;
  } catch (error) {
    return failed(`the CSV cannot be read (${(error as Error).message}); expected comma-separated rows with a header`);
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map(normaliseColumn);
  const layout = recogniseLayout(header);
  if (!layout)
    return failed(
      `the header is none of the Upwork reports jss-coach reads; expected the columns of ${describeLayouts()}`,
    );
  if (body.length > MAX_UPWORK_ROWS)
    return failed(
      `got ${body.length.toLocaleString('en-US')} rows, expected at most ${MAX_UPWORK_ROWS.toLocaleString('en-US')} a file (export a shorter date range)`,
    );
  const index = new Map(header.map((name, position) => [name, position]));
  const original = new Map(
    header.map((name, position) => [name, (head?.record[position] ?? name).replace(/^\uFEFF/, '').trim()]),
  );
  const problems: string[] = [];
  const rows: UpworkRow[] = [];
  const skipped = new Map<string, number>();
  const seen = new Map<string, number>();
  let from: string | null = null;
  let to: string | null = null;
  const asOfDay = parseDay(asOf) as number;

  for (const { record, info } of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    const line = info.lines;
    const cell = (column: string) => (index.has(column) ? (record[index.get(column) as number] ?? '').trim() : '');
    const wrong = (column: string, expected: string) =>
      problems.push(
        `row ${line}, column ${JSON.stringify(original.get(column) ?? column)}: got ${showValue(cell(column))}, expected ${expected}`,
      );

    const date = parseUpworkDate(cell(layout.date));
    if (date === undefined) {
      wrong(layout.date, `a date as ${DATE_FORMS}`);
      continue;
    }
    const year = Number(date.slice(0, 4));
    if ((parseDay(date) as number) > asOfDay || year < LIMITS.firstYear) {
      wrong(layout.date, `a date from ${LIMITS.firstYear} to the as-of date ${asOf}`);
      continue;
    }
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
    const signed = parseUpworkCents(cell(layout.amount));
    if (signed === undefined) {
      wrong(layout.amount, AMOUNT_FORMS);
      continue;
    }
    const kind = rowKind(cell(layout.type), layout.name === 'earnings-by-contract');
    if (kind === 'skip') {
      const type = cell(layout.type) || '(no type)';
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      continue;
    }
    if (kind !== 'refund' && signed < 0) {
      wrong(
        layout.amount,
        `a positive amount for a payment of type ${showValue(cell(layout.type) || 'hourly')} (money taken back is a Refund)`,
      );
      continue;
    }
    const contract = contractKeyOf(layout.contract.map(cell));
    if (!contract) {
      wrong(
        layout.contract[0] as string,
        'the contract\'s title followed by its Upwork contract number in parentheses, e.g. "HTML Front End Dev (35695275)"',
      );
      continue;
    }
    const cents = Math.abs(signed);
    const client = layout.client.map(cell).find((name) => name !== '') ?? null;
    const upworkId = layout.sourceId ? cell(layout.sourceId) : '';
    const base = upworkId !== '' ? `upwork:${upworkId}` : `row:${date}|${contractKeyText(contract)}|${cents}|${kind}`;
    const repeat = (seen.get(base) ?? 0) + 1;
    seen.set(base, repeat);
    rows.push({ line, date, kind, cents, contract, client, sourceId: repeat === 1 ? base : `${base}#${repeat}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { layout, rows, skipped, from, to } };
}
