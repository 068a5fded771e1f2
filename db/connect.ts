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
import { pgliteOptions } from './pglite-options.ts';
import * as schema from './schema.ts';

export interface OpenOptions {
  /** A PostgreSQL connection URL; when set, PGlite is not used. */
  url?: string;
  /** PGlite's data folder (created when missing); `./data` by default. */
  dataDir?: string;
  /** PGlite in memory: nothing is kept after close(). */
  memory?: boolean;
  /** With `memory`: start from a dump of a data directory (PGlite's dumpDataDir), e.g. a migrated template. */
  loadDataDir?: Blob;
}

/** The handle keeps the concrete driver so the migrator can pick its matching flavour. */
export type DatabaseHandle =
  | { driver: 'pglite'; db: PgliteDatabase<typeof schema> & { $client: PGlite }; close(): Promise<void> }
  | { driver: 'postgres'; db: PostgresJsDatabase<typeof schema> & { $client: Sql }; close(): Promise<void> };

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const [{ default: postgres }, { drizzle: drizzlePostgres }] = await Promise.all([import('postgres'), import('drizzle-orm/postgres-js')]);
    // Notices ("relation already exists, skipping" from the migrator) are noise on stdout.
    const client = postgres(options.url, { onnotice: () => {} });
    const db = drizzlePostgres({ client, schema });
    return { driver: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const settings = pgliteOptions(PGlite.defaultStartParams);
  let client: PGlite;
  if (options.memory) {
    client = new PGlite({ ...settings, ...(options.loadDataDir && { loadDataDir: options.loadDataDir }) });
  } else {
    const dataDir = resolve(options.dataDir ?? './data');
    mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir, settings);
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  return { driver: 'pglite', db, close: () => client.close() };
}
