// Dates and amounts as Upwork's CSV reports write them, read into the contract file's forms
// (YYYY-MM-DD, whole cents). Each reader returns undefined for text it does not recognise, so the
// caller can say which row and column were wrong.

import { parseDay } from '../../scoring/index.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseDay(text) === undefined ? undefined : text;
}

/** `2024-04-16`, `04/16/2024` (US order, as Upwork writes it) or `Apr 16, 2024` → `2024-04-16`. */
export function parseUpworkDate(text: string): string | undefined {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (match) return isoDay(Number(match[3]), Number(match[1]), Number(match[2]));
  match = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})$/.exec(trimmed);
  if (match) {
    const month = MONTHS.indexOf((match[1] as string).toLowerCase());
    return month < 0 ? undefined : isoDay(Number(match[3]), month + 1, Number(match[2]));
  }
  return undefined;
}

export const DATE_FORMS = '2024-04-16, 04/16/2024 or Apr 16, 2024';

/**
 * `$1,234.56`, `1234.5`, `-$12.00`, `$-12.00` or `($12.00)` → signed whole cents. Thousands
 * separators must sit every three digits, so `1,23` is refused rather than read as 123.
 */
export function parseUpworkCents(text: string): number | undefined {
  let rest = text.trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(rest);
  if (parenthesised) {
    negative = true;
    rest = (parenthesised[1] as string).trim();
  }
  const match = /^([-+])?\s*\$?\s*([-+])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(rest);
  if (!match || (match[1] && match[2])) return undefined;
  if (match[1] === '-' || match[2] === '-') {
    if (negative) return undefined;
    negative = true;
  }
  const whole = Number((match[3] as string).replace(/,/g, ''));
  const cents = Number(`${match[4] ?? ''}00`.slice(0, 2));
  const value = whole * 100 + cents;
  if (!Number.isSafeInteger(value)) return undefined;
  return negative && value !== 0 ? -value : value;
}

export const AMOUNT_FORMS = 'an amount of US dollars such as 1,234.56, $80.00, -12.00 or (12.00)';
