// Which errors mean "the database is away" rather than "this query is wrong": the socket failed,
// the connection timed out or was closed, or the server is shutting down or starting up.

import { DatabaseUnavailableError } from '../src/commands/database-unavailable.ts';
import { postgresErrorCode } from './errors.ts';

/** Node's socket and DNS errors, and postgres.js's own connection errors. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
]);

/** PostgreSQL codes of a server going or gone away (and a statement cancelled by its timeout). */
const SERVER_AWAY_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '57014', // query_canceled: the statement timeout ran out; the transaction rolled back
]);

export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = postgresErrorCode(error);
  if (code === undefined) return false;
  // Class 08: connection exception.
  return CONNECTION_ERROR_CODES.has(code) || SERVER_AWAY_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/** The error as the command layer should see it: a DatabaseUnavailableError when the database is away. */
export function translateConnectionFailure(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionFailure(error)) return error;
  const code = postgresErrorCode(error);
  return new DatabaseUnavailableError(code ?? 'connection failed', { cause: error });
}
