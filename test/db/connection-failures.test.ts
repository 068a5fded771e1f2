// Which driver errors mean "the database is away" (answered as such), and which are the query's own.

import { describe, expect, it } from 'vitest';
import { isConnectionFailure, translateConnectionFailure } from '../../db/connection-failures.ts';
import { DatabaseUnavailableError } from '../../src/commands/database-unavailable.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });
/** As drizzle wraps a driver error. */
const wrapped = (cause: Error) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('connection failures', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    '57P01',
    '57P03',
    '08006',
    '08001',
    '57014',
  ])('%s is the database being away', (code) => {
    expect(isConnectionFailure(wrapped(withCode(code)))).toBe(true);
    const translated = translateConnectionFailure(wrapped(withCode(code)));
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as Error).cause).toBeInstanceOf(Error);
  });

  it.each(['23505', '23514', '42P01', '22P02', '40001'])('%s is not', (code) => {
    const error = wrapped(withCode(code));
    expect(isConnectionFailure(error)).toBe(false);
    expect(translateConnectionFailure(error)).toBe(error);
  });

  it('an error without a code is not', () => {
    expect(isConnectionFailure(new Error('boom'))).toBe(false);
  });
});
