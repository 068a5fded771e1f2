// The databases every database-backed test runs on: PGlite in memory always, and PostgreSQL when
// TEST_DATABASE_URL names a server. Each open() gives a fresh, migrated database of its own.
// A PGlite takes 0.5–6 s to start: open one per describe block, in beforeAll.

import { openDatabase, type DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { createStoreFor } from '../../db/guarded-store.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { createScratchDatabase } from './scratch-database.ts';
import type { Store } from '../../src/ports/store.ts';
import { openMigratedPglite } from './pglite-template.ts';

export interface OpenedDatabase {
  store: Store;
  db: Database;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export interface DatabaseKind {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenedDatabase>;
}

async function opened(handle: DatabaseHandle, cleanUp: () => Promise<void> = async () => {}): Promise<OpenedDatabase> {
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    await cleanUp();
    throw error;
  }
  return {
    // The store the bot uses: guarded (connection failures become DatabaseUnavailableError).
    store: createStoreFor(handle),
    db: handle.db,
    handle,
    async close() {
      try {
        await handle.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

const pglite: DatabaseKind = {
  name: 'pglite',
  // Migrating a clone of the template is a no-op, and proves the template is current.
  open: async () => opened(await openMigratedPglite()),
};

function postgresKind(serverUrl: string): DatabaseKind {
  return {
    name: 'postgres',
    async open() {
      const scratch = await createScratchDatabase(serverUrl);
      let handle: DatabaseHandle;
      try {
        handle = await openDatabase({ url: scratch.url });
      } catch (error) {
        await scratch.drop();
        throw error;
      }
      return opened(handle, () => scratch.drop());
    },
  };
}

const serverUrl = process.env.TEST_DATABASE_URL;

export const databaseKinds: readonly DatabaseKind[] = serverUrl ? [pglite, postgresKind(serverUrl)] : [pglite];
