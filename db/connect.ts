// Opens the database: PostgreSQL (postgres.js) when given a URL, else embedded PGlite in a data
// folder or in memory. Reading DATABASE_URL is the caller's job, so tests can pass their own.
//
// Each driver is imported when it is used: a bot on PostgreSQL never loads PGlite (under tsx its
// import alone costs ~40 MB resident and ~150 ms), and one on PGlite never loads postgres.js.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import { pgliteOptions } from './pglite-options.ts';
import * as schema from './schema.ts';

export interface OpenOptions {
  /** A PostgreSQL connection URL; when set, PGlite is not used. */
  url?: string;
  /** PGlite's data folder (created when missing); `./data` by default. Locked while open: see data-dir-lock.ts. */
  dataDir?: string;
  /** PGlite in memory: nothing is kept after close(). */
  memory?: boolean;
  /** With `memory`: start from a dump of a data directory (PGlite's dumpDataDir), e.g. a migrated template. */
  loadDataDir?: Blob;
}

/**
 * Bounds so an unreachable server fails fast instead of keeping members waiting (the wait for a
 * pooled connection and for a silent socket is bounded by db/guarded-store.ts).
 */
export const SERVER_TIMEOUTS = {
  /** Seconds to open a connection, authentication included (postgres.js waits 30 by default). */
  connect_timeout: 5,
  /** Seconds an unused connection is kept: after an outage the pool refills with live ones. */
  idle_timeout: 60,
  /** Sent at connection start: the server cancels a statement after 30 s, and ends a session
   * left idle inside a transaction after 60 s (a client that vanished releases its locks). */
  connection: { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 },
} as const;

/** The handle keeps the concrete driver so the migrator can pick its matching flavour. */
export type DatabaseHandle =
  | { driver: 'pglite'; db: PgliteDatabase<typeof schema> & { $client: PGlite }; close(): Promise<void> }
  | { driver: 'postgres'; db: PostgresJsDatabase<typeof schema> & { $client: Sql }; close(): Promise<void> };

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const [{ default: postgres }, { drizzle: drizzlePostgres }] = await Promise.all([
      import('postgres'),
      import('drizzle-orm/postgres-js'),
    ]);
    const client = postgres(options.url, {
      // Notices ("relation already exists, skipping" from the migrator) are noise on stdout.
      onnotice: () => {},
      ...SERVER_TIMEOUTS,
    });
    const db = drizzlePostgres({ client, schema });
    return { driver: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const settings = pgliteOptions(PGlite.defaultStartParams);
  if (options.memory) {
    const client = new PGlite({ ...settings, ...(options.loadDataDir && { loadDataDir: options.loadDataDir }) });
    await client.waitReady;
    return { driver: 'pglite', db: drizzlePglite({ client, schema }), close: () => client.close() };
  }
  const dataDir = resolve(options.dataDir ?? './data');
  mkdirSync(dataDir, { recursive: true });
  // One process per folder, for as long as it is open: throws DataDirLockedError otherwise.
  const lock = lockDataDir(dataDir);
  try {
    const client = new PGlite(dataDir, settings);
    await client.waitReady;
    const close = async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    };
    return { driver: 'pglite', db: drizzlePglite({ client, schema }), close };
  } catch (error) {
    lock.release();
    throw error;
  }
}
