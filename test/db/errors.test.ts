import { describe, expect, it } from 'vitest';
import { isUniqueViolation, postgresErrorCode } from '../../db/errors.ts';
import { toCents, toDollars } from '../../db/money.ts';

describe('postgresErrorCode', () => {
  it('finds the code on the error or on its cause, as either driver reports it', () => {
    expect(postgresErrorCode(Object.assign(new Error('bare'), { code: '23505' }))).toBe('23505');
    const wrapped = new Error('Failed query', { cause: Object.assign(new Error('duplicate key'), { code: '23514' }) });
    expect(postgresErrorCode(wrapped)).toBe('23514');
    expect(isUniqueViolation(new Error('outer', { cause: Object.assign(new Error('x'), { code: '23505' }) }))).toBe(
      true,
    );
  });

  it('is undefined for errors without a code', () => {
    expect(postgresErrorCode(new Error('plain'))).toBeUndefined();
    expect(postgresErrorCode('text')).toBeUndefined();
    expect(postgresErrorCode(null)).toBeUndefined();
    expect(isUniqueViolation(new Error('plain'))).toBe(false);
  });
});

describe('cents', () => {
  it('rounds dollars with two decimals to the exact cent, and back', () => {
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    expect(toCents(0.29)).toBe(29);
    expect(toCents(1_000_000_000)).toBe(100_000_000_000);
    expect(toCents(0)).toBe(0);
    for (const dollars of [0.01, 0.1, 0.29, 1.15, 19.99, 1200.5, 999_999_999.99])
      expect(toDollars(toCents(dollars))).toBe(dollars);
  });
});
