// Values as members really type them, read when the meaning is unambiguous and refused with the
// reason when it is not. Each reader says how it read a value that was not already in the house
// form, so the reply can echo it ("read Jan 5 2026 as 2026-01-05").

import { isValid, parse } from 'date-fns';
import { formatDay, parseDay } from '../scoring/index.ts';

export type Read<T> = { ok: true; value: T; readAs: string | null } | { ok: false; reason: string };

const ok = <T>(value: T, readAs: string | null = null): Read<T> => ({ ok: true, value, readAs });
const refused = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Written forms of a calendar day that mean one day only (date-fns formats). */
const DAY_FORMATS = [
  'yyyy-M-d',
  'yyyy/M/d',
  'yyyy.M.d',
  'MMM d yyyy',
  'MMM d, yyyy',
  'MMMM d yyyy',
  'MMMM d, yyyy',
  'd MMM yyyy',
  'd MMMM yyyy',
  'd MMM, yyyy',
];
/** Day and month both as numbers: 04/16/2026 can only be US, 16/04/2026 only not; 01/02/2026 either. */
const NUMERIC_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function iso(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A calendar day; `today` is the member's today (YYYY-MM-DD), for "today" and "yesterday". */
export function readDay(text: string, today: string): Read<string> {
  const trimmed = text.trim();
  if (parseDay(trimmed) !== undefined) return ok(trimmed);
  // The house form with a day that does not exist (2026-02-30): say so in the house form's words.
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return refused('a real date as YYYY-MM-DD');
  const word = trimmed.toLowerCase();
  if (word === 'today') return ok(today, `today as ${today}`);
  if (word === 'yesterday') {
    const day = parseDay(today);
    if (day === undefined) return refused('a real date such as 2026-01-05');
    const value = formatDay(day - 1);
    return ok(value, `yesterday as ${value}`);
  }
  const numeric = NUMERIC_DAY.exec(trimmed);
  if (numeric) {
    const [first, second, year] = [Number(numeric[1]), Number(numeric[2]), numeric[3] as string];
    if (first <= 12 && second <= 12 && first !== second) {
      return refused(
        `a date that reads one way only: ${trimmed} could be ${first} ${monthName(second)} or ${monthName(first)} ${second}; write it as YYYY-MM-DD`,
      );
    }
    const [month, day] = first > 12 ? [second, first] : [first, second];
    const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return parseDay(value) === undefined
      ? refused('a real date such as 2026-01-05')
      : ok(value, `${trimmed} as ${value}`);
  }
  const reference = new Date(2000, 0, 1);
  for (const format of DAY_FORMATS) {
    const date = parse(trimmed, format, reference);
    if (isValid(date) && date.getFullYear() >= 1000) {
      const value = iso(date);
      return value === trimmed ? ok(value) : ok(value, `${trimmed} as ${value}`);
    }
  }
  return refused('a date such as 2026-01-05, 2026/1/5, Jan 5 2026, 5 Jan 2026, today or yesterday');
}

function monthName(month: number): string {
  return (
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][month - 1] ?? String(month)
  );
}

const PLAIN_NUMBER = /^\d{1,12}(\.\d+)?$/;

/** US dollars: 1200, 1200.50, $1,200, 1.2k. */
export function readMoney(text: string): Read<number> {
  const trimmed = text.trim();
  if (PLAIN_NUMBER.test(trimmed)) return ok(Number(trimmed));
  let body = trimmed.replace(/^\$\s?/, '').replace(/\s?(usd|\$)$/i, '');
  // Thousands separators only where they separate thousands (1,200 or 12,000,000, not 1,2).
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  const thousands = /^(\d{1,9}(\.\d+)?)k$/i.exec(body);
  const value = thousands
    ? Math.round(Number(thousands[1]) * 1000 * 100) / 100
    : PLAIN_NUMBER.test(body)
      ? Number(body)
      : NaN;
  if (Number.isNaN(value)) return refused('US dollars such as 1200, 1200.50, $1,200 or 1.2k');
  // Echoed with its cents, as the replies show money ($1,200.50 as 1200.50, not 1200.5).
  return ok(value, `${trimmed} as ${Number.isInteger(value) ? value : value.toFixed(2)}`);
}

/** A decimal number, with a comma as the decimal mark too (4,5 stars). */
export function readDecimal(text: string): Read<number> {
  const trimmed = text.trim();
  if (/^[+]?\d{1,12}(\.\d+)?$/.test(trimmed)) return ok(Number(trimmed));
  if (/^\d{1,12},\d+$/.test(trimmed)) {
    const value = Number(trimmed.replace(',', '.'));
    return ok(value, `${trimmed} as ${value}`);
  }
  return refused('a number such as 4.5');
}

/** A whole percentage: 90 or 90%. */
export function readWholeNumber(text: string): Read<number> {
  const trimmed = text.trim();
  const match = /^(\d{1,9})\s?%?$/.exec(trimmed);
  if (!match) return refused('a whole number');
  return ok(Number(match[1]));
}

/** Spellings of an end reason that are unambiguous (US spelling, words with spaces or dashes). */
export const END_REASON_ALIASES: Readonly<Record<string, string>> = {
  canceled: 'cancelled',
  'client-unresponsive': 'client_unresponsive',
  unresponsive: 'client_unresponsive',
  complete: 'completed',
};
