// Opening the database at start-up: a server that is down (or still starting) is tried again with
// backoff for a bounded time, each try logged; any other failure stops at once. Either way the
// error says what went wrong and what to check, in place of drizzle's bare "Failed query: …".

import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './connect.ts';
import { postgresErrorCode } from './errors.ts';
import { migrateDatabase } from './migrate.ts';

/** How long a server that is down at start is waited for, unless told (JSS_DB_START_TIMEOUT, seconds). */
export const DEFAULT_START_TIMEOUT_MS = 60_000;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 10_000;

/** Down, or not yet up: worth waiting for. */
const WORTH_WAITING_FOR = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  '57P01',
  '57P03',
]);

export interface StartOptions {
  /** Total time to keep trying a server that is down; DEFAULT_START_TIMEOUT_MS when absent. */
  startTimeoutMs?: number;
  /** Told about each failed try. */
  log: (message: string) => void;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
}

export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

/** Opens the database and applies the migrations; throws DatabaseStartError saying what to check. */
export async function openAndMigrate(open: OpenOptions, options: StartOptions): Promise<DatabaseHandle> {
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  for (let attempt = 1, wait = FIRST_RETRY_MS; ; attempt++, wait = Math.min(wait * 2, LONGEST_RETRY_MS)) {
    try {
      return await openAndMigrateOnce(open);
    } catch (error) {
      // Another process has the data folder: its own message says which; the caller exits with 2.
      if (error instanceof DataDirLockedError) throw error;
      const description = describeDatabaseError(error, open.url);
      const left = timeoutMs - (Date.now() - started);
      if (!isWorthWaitingFor(error) || left <= 0) {
        const tries =
          attempt > 1 ? ` Gave up after ${attempt} tries in ${Math.round((Date.now() - started) / 1000)} s.` : '';
        throw new DatabaseStartError(`${description}${tries}`, { cause: error });
      }
      const pause = Math.min(wait, left);
      options.log(
        `database not ready, try ${attempt}: ${description} Trying again in ${(pause / 1000).toFixed(pause < 1000 ? 1 : 0)} s (waiting up to ${Math.round(timeoutMs / 1000)} s in all).`,
      );
      await sleep(pause);
    }
  }
}

async function openAndMigrateOnce(open: OpenOptions): Promise<DatabaseHandle> {
  const handle = await openDatabase(open);
  try {
    await migrateDatabase(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export function isWorthWaitingFor(error: unknown): boolean {
  const code = postgresErrorCode(error);
  return code !== undefined && WORTH_WAITING_FOR.has(code);
}

/** The URL as it may be printed: the password masked. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a DATABASE_URL that is not a valid URL)';
  }
}

/** What went wrong opening the database, and what to check; never the password. */
export function describeDatabaseError(error: unknown, url?: string): string {
  const cause = innermost(error);
  const said = cause.message.replace(/\s+/g, ' ').trim();
  const where: Target = url
    ? describeTarget(url)
    : { server: 'the server', user: 'the user', database: 'the database', url: '' };
  const inUrl = url ? ` in DATABASE_URL (${where.url})` : '';
  switch (postgresErrorCode(error)) {
    case 'ECONNREFUSED':
      return `nothing accepts connections at ${where.server} (${said}). Check that PostgreSQL is running and listening there (its port and listen_addresses), and the host and port${inUrl}.`;
    case 'ENOTFOUND':
      return `the host of ${where.server} is unknown (${said}). Check the host name${inUrl}.`;
    case 'EAI_AGAIN':
      return `the host of ${where.server} could not be looked up just now (${said}). Check the network's name service and the host name${inUrl}.`;
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no answer from ${where.server} (${said}). Check the host and port${inUrl}, and that no firewall is in the way.`;
    case '3D000':
      return `the database ${where.database} does not exist on ${where.server} (${said}). Create it (createdb ${where.databaseName ?? 'NAME'}) or fix the database name${inUrl}.`;
    case '28P01':
      return `the server refused the password of ${where.user} (${said}). Check the user name and password${inUrl}.`;
    case '28000':
      return `the server does not let ${where.user} in (${said}). Check that the role exists and may log in, and the server's pg_hba.conf entries for this host, user and database.`;
    case '42501':
      return `${where.user} lacks a privilege the migrations need (${said}). They create the schema "drizzle" and the bot's tables: grant it, e.g. GRANT CREATE ON DATABASE ${where.databaseName ?? 'NAME'} TO ${where.userName ?? 'USER'}, or use the database's owner.`;
    case '57P03':
      return `${where.server} is starting up or shutting down (${said}).`;
    case '53300':
      return `${where.server} has no free connection slot (${said}). Check max_connections and who else is connected.`;
    default: {
      const code = postgresErrorCode(error);
      return `could not open the database${url ? ` at ${where.server}` : ''}: ${said}${code ? ` (code ${code})` : ''}.`;
    }
  }
}

interface Target {
  server: string;
  user: string;
  database: string;
  url: string;
  userName?: string;
  databaseName?: string;
}

function describeTarget(url: string): Target {
  try {
    const parsed = new URL(url);
    const userName = decodeURIComponent(parsed.username) || 'postgres';
    const databaseName = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || userName;
    return {
      server: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`,
      user: `user "${userName}"`,
      userName,
      database: `"${databaseName}"`,
      databaseName,
      url: maskedUrl(url),
    };
  } catch {
    return { server: 'the server', user: 'the user', database: 'the database', url: maskedUrl(url) };
  }
}

/** The driver's own error under drizzle's "Failed query" wrapper. */
function innermost(error: unknown): Error {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  return current instanceof Error ? current : new Error(String(current));
}
