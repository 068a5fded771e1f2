// Applies db/migrations (made by `npm run db:generate`) with the migrator of the handle's driver.
// Migrations already applied are skipped, so this runs at every start. The other driver's
// migrator is not loaded (see connect.ts).

import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './connect.ts';

/** Next to this file, whatever the working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db, config);
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db, config);
  }
}
