// Calendar dates of default-model.md: no time of day, calendar month arithmetic clamped to the
// month's last day as date-fns addMonths/subMonths do (31 Aug − 6 months = 28/29 Feb).

import { describe, expect, it } from 'vitest';
import { addMonths, firstDayOutsideWindow, formatDay, parseDay, subMonths } from '../../src/scoring/index.ts';
import { day } from './fixtures.ts';

const add = (text: string, months: number) => formatDay(addMonths(day(text), months));
const sub = (text: string, months: number) => formatDay(subMonths(day(text), months));
const outside = (text: string, months: number) => formatDay(firstDayOutsideWindow(day(text), months));

describe('parseDay / formatDay', () => {
  it('round-trips real calendar dates', () => {
    for (const text of ['1970-01-01', '2000-02-29', '2024-02-29', '2024-12-31', '2099-07-04']) {
      expect(formatDay(day(text))).toBe(text);
    }
  });

  it('day numbers are consecutive days (1970-01-01 is 0)', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('1970-01-02')).toBe(1);
    // 2024-03-01 − 2024-01-01 = 31 + 29 = 60 days.
    expect(day('2024-03-01') - day('2024-01-01')).toBe(60);
    // 2023-03-01 − 2023-01-01 = 31 + 28 = 59 days.
    expect(day('2023-03-01') - day('2023-01-01')).toBe(59);
  });

  it('rejects what is not a YYYY-MM-DD calendar date', () => {
    for (const text of [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-01',
      '2024/01/01',
      '20240101',
      '',
    ]) {
      expect(parseDay(text)).toBeUndefined();
    }
  });
});

describe('addMonths / subMonths (calendar months, clamped)', () => {
  it('keeps the day of month when it exists', () => {
    expect(add('2024-01-15', 3)).toBe('2024-04-15');
    expect(sub('2024-06-30', 6)).toBe('2023-12-30');
    expect(add('2023-11-10', 3)).toBe('2024-02-10');
    expect(sub('2024-06-30', 24)).toBe('2022-06-30');
  });

  it('31 Aug − 6 months = 28 Feb, or 29 Feb in a leap year', () => {
    expect(sub('2023-08-31', 6)).toBe('2023-02-28');
    expect(sub('2024-08-31', 6)).toBe('2024-02-29');
  });

  it('clamps at other month ends', () => {
    expect(add('2024-01-31', 1)).toBe('2024-02-29');
    expect(add('2023-01-31', 1)).toBe('2023-02-28');
    expect(add('2024-01-31', 3)).toBe('2024-04-30');
    expect(add('2023-11-30', 3)).toBe('2024-02-29');
    expect(add('2024-02-29', 12)).toBe('2025-02-28');
    expect(sub('2024-03-31', 1)).toBe('2024-02-29');
  });

  it('is not the same as repeated steps at month ends', () => {
    // 2023-11-30 + 6 months = 2024-05-30, but (+3) then (+3) = 2024-02-29 → 2024-05-29.
    expect(add('2023-11-30', 6)).toBe('2024-05-30');
    expect(formatDay(addMonths(addMonths(day('2023-11-30'), 3), 3))).toBe('2024-05-29');
  });
});

describe('firstDayOutsideWindow (first day D with D − N months > reference)', () => {
  it('is reference + N months + 1 day when no clamping happens', () => {
    // 2024-01-10 + 6 months = 2024-07-10 → out from 2024-07-11.
    expect(outside('2024-01-10', 6)).toBe('2024-07-11');
    expect(outside('2024-03-01', 3)).toBe('2024-06-02');
    expect(outside('2023-06-30', 12)).toBe('2024-07-01');
  });

  it('is later at month ends: 29 Feb stays in a 6-month window through 31 Aug', () => {
    // 2024-02-29 + 6 months + 1 day = 2024-08-30, but 30 and 31 Aug − 6 months clamp to 29 Feb: out on 1 Sep.
    expect(outside('2024-02-29', 6)).toBe('2024-09-01');
    // 2023-02-28 + 6 months + 1 day = 2023-08-29; 29, 30, 31 Aug − 6 months = 28 Feb 2023: out on 1 Sep.
    expect(outside('2023-02-28', 6)).toBe('2023-09-01');
    // 2024-02-29 in a 3-month window: 29, 30, 31 May − 3 months = 29 Feb → out on 1 Jun.
    expect(outside('2024-02-29', 3)).toBe('2024-06-01');
  });

  it('the day before is still inside the window', () => {
    for (const [reference, months] of [
      ['2024-01-10', 6],
      ['2024-02-29', 6],
      ['2023-02-28', 6],
      ['2024-11-30', 3],
    ] as const) {
      const out = firstDayOutsideWindow(day(reference), months);
      expect(subMonths(out - 1, months)).toBeLessThanOrEqual(day(reference));
      expect(subMonths(out, months)).toBeGreaterThan(day(reference));
    }
  });
});
