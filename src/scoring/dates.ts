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
  // Integer divisions of non-negative numbers: truncation is floor.
  const dayOfYear = (((153 * shiftedMonth + 2) / 5) | 0) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The civil date of a day number packed in one integer, year × 512 + month × 32 + day, so the
 * hot callers below neither allocate nor share state (H. Hinnant's civil_from_days).
 */
function packedCivil(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  // Integer divisions of non-negative numbers: truncation is floor.
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36524) | 0) - ((dayOfEra / 146096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const shiftedMonth = ((5 * dayOfYear + 2) / 153) | 0;
  const dayOfMonth = dayOfYear - (((153 * shiftedMonth + 2) / 5) | 0) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 512 + month * 32 + dayOfMonth;
}

const yearOf = (packed: number) => Math.floor(packed / 512);
const monthOf = (packed: number) => (packed >> 5) & 15;
const dayOfMonthOf = (packed: number) => packed & 31;

/** The civil date of a day number, as [year, month 1–12, day 1–31]. */
export function civilFromDay(day: Day): [number, number, number] {
  const packed = packedCivil(day);
  return [yearOf(packed), monthOf(packed), dayOfMonthOf(packed)];
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
  const packed = packedCivil(day);
  const dayOfMonth = dayOfMonthOf(packed);
  const monthIndex = yearOf(packed) * 12 + (monthOf(packed) - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dayFromCivil(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

export function subMonths(day: Day, months: number): Day {
  return addMonths(day, -months);
}

/** Parses a strict YYYY-MM-DD calendar date; undefined when the text is not a real date. */
export function parseDay(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  // A non-digit is below 0 (the OR goes negative) or above 9.
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const dayOfMonth = d0 * 10 + d1;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, dayOfMonth);
}

/** Like parseDay, for dates that were validated before they reached the core. */
export function toDay(text: string): Day {
  const day = parseDay(text);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return day;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, value) => String(value).padStart(2, '0'));

// Reports name the same few hundred dates over and over; formatting each once pays.
const formatted = new Map<Day, string>();
const FORMAT_CACHE_LIMIT = 50_000;

export function formatDay(day: Day): string {
  let text = formatted.get(day);
  if (text === undefined) {
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    formatted.set(day, (text = formatDayUncached(day)));
  }
  return text;
}

function formatDayUncached(day: Day): string {
  const packed = packedCivil(day);
  const year = String(yearOf(packed)).padStart(4, '0');
  return year + '-' + TWO_DIGITS[monthOf(packed)] + '-' + TWO_DIGITS[dayOfMonthOf(packed)];
}

/** Whole calendar months from `from` to `to`: the largest m with addMonths(from, m) ≤ to (0 when to < from). */
export function wholeMonthsBetween(from: Day, to: Day): number {
  // No month is shorter than 28 days: most contracts are decided here without calendar math.
  if (to - from < 28) return 0;
  const fromCivil = packedCivil(from);
  const toCivil = packedCivil(to);
  const toYear = yearOf(toCivil);
  const toMonth = monthOf(toCivil);
  const months = toYear * 12 + toMonth - (yearOf(fromCivil) * 12 + monthOf(fromCivil));
  // addMonths(from, months) falls in to's month, on from's day of month clamped to the month's
  // length; when that is after `to`, one month fewer fits (addMonths is non-decreasing).
  const landing = Math.min(dayOfMonthOf(fromCivil), daysInMonth(toYear, toMonth));
  return landing <= dayOfMonthOf(toCivil) ? months : months - 1;
}

/**
 * The first day on which a date `reference` is no longer inside an N-month window, i.e. the
 * smallest D with subMonths(D, N) > reference. Usually reference + N months + 1 day, but month-end
 * clamping can keep a date in the window a few days longer (28 Feb stays in a 6-month window
 * through 31 Aug, because 29–31 Aug minus 6 months all clamp to 28 Feb).
 */
export function firstDayOutsideWindow(reference: Day, months: number): Day {
  // Up to the 27th no month end is near: reference + N months lands on the same day of month, and
  // the day after it minus N months is the day after the reference. The forecast asks this for
  // every counted contract and window.
  if (dayOfMonthOf(packedCivil(reference)) <= 27) return addMonths(reference, months) + 1;
  let candidate = addMonths(reference, months) + 1;
  while (subMonths(candidate, months) <= reference) candidate++;
  return candidate;
}
