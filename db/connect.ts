// Opens the database: PostgreSQL (postgres.js) when given a URL, else embedded PGlite in a data
// folder or in memory. Reading DATABASE_URL is the caller's job, so tests can pass their own.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
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
    // Notices ("relation already exists, skipping" from the migrator) are noise on stdout.
    const client = postgres(options.url, { onnotice: () => {} });
    const db = drizzlePostgres({ client, schema });
    return { driver: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  let client: PGlite;
  if (options.memory) {
    client = new PGlite({ ...pgliteOptions(), ...(options.loadDataDir && { loadDataDir: options.loadDataDir }) });
  } else {
    const dataDir = resolve(options.dataDir ?? './data');
    mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir, pgliteOptions());
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  return { driver: 'pglite', db, close: () => client.close() };
}
