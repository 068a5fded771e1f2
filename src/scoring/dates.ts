// Calendar dates as whole day numbers (days since 1970-01-01), with no time of day and no
// time zone. The scoring core does all its date arithmetic here, on integers, because it runs
// hundreds of times per forecast; month arithmetic clamps to the month's last day exactly as
// date-fns addMonths/subMonths do (31 Aug − 6 months = 28/29 Feb).

/** A calendar date as days since 1970-01-01. */
export type Day = number;

/** Days from a proleptic Gregorian civil date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number, as [year, month 1–12, day 1–31]. */
export function civilFromDay(day: Day): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Calendar month arithmetic; the day of month is clamped to the target month's length. */
export function addMonths(day: Day, months: number): Day {
  const [year, month, dayOfMonth] = civilFromDay(day);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dayFromCivil(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

export function subMonths(day: Day, months: number): Day {
  return addMonths(day, -months);
}

const ZERO = 48;

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses a strict YYYY-MM-DD calendar date; undefined when the text is not a real date. */
export function parseDay(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const dayOfMonth = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1) return undefined;
  if (dayOfMonth > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, dayOfMonth);
}

/** Like parseDay, for dates that were validated before they reached the core. */
export function toDay(text: string): Day {
  const day = parseDay(text);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return day;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDay(day: Day): string {
  const [year, month, dayOfMonth] = civilFromDay(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/**
 * The first day on which a date `reference` is no longer inside an N-month window, i.e. the
 * smallest D with subMonths(D, N) > reference. Usually reference + N months + 1 day, but month-end
 * clamping can keep a date in the window a few days longer (28 Feb stays in a 6-month window
 * through 31 Aug, because 29–31 Aug minus 6 months all clamp to 28 Feb).
 */
export function firstDayOutsideWindow(reference: Day, months: number): Day {
  let candidate = addMonths(reference, months) + 1;
  while (subMonths(candidate, months) <= reference) candidate++;
  return candidate;
}
