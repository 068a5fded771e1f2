// Opens and migrates the database at start. Returns null when a stop signal came first.

import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { Logger } from '../src/logger.ts';
import type { Settings } from './settings/read.ts';

export async function openDatabaseAtStart(settings: Settings, logger: Logger, signal: AbortSignal): Promise<DatabaseHandle | null> {
  const handle = await openDatabase(settings.database.kind === 'postgres' ? { url: settings.database.url } : { dataDir: settings.database.dataDir });
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (signal.aborted) {
    await handle.close();
    return null;
  }
  logger.debug({ driver: handle.driver }, 'database open and migrated');
  return handle;
}
