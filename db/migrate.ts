// Applies db/migrations (made by `npm run db:generate`) with the migrator of the handle's driver
// (the other driver's migrator is not loaded; see connect.ts). Migrations already applied are
// skipped, so this runs at every start. On PostgreSQL, instances that start at once take turns
// (an advisory lock): the first applies, the others find it done.

import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './connect.ts';

/** Next to this file, whatever the working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** pg_advisory_lock's key for "jss-coach migrations" (any constant that no other lock uses). */
const MIGRATION_LOCK_KEY = 0x6a73_735f_6d69_67n;

/** PGlite is one process's (a second is refused its folder): its starts take turns in memory. */
const pgliteMigrations = new WeakMap<object, Promise<void>>();

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const previous = pgliteMigrations.get(handle.db.$client) ?? Promise.resolve();
    const turn = previous.catch(() => {}).then(() => migrate(handle.db, config));
    pgliteMigrations.set(handle.db.$client, turn);
    await turn;
    return;
  }
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // The lock lives on one reserved connection; the migrator runs on the pool meanwhile.
  const session = await handle.db.$client.reserve();
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migrate(handle.db, config);
    } finally {
      await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    session.release();
  }
}
