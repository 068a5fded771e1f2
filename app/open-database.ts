// Opens and migrates the database at start (db/startup.ts says what went wrong and waits for a
// server that is still coming up). Returns null when a stop signal came first.

import type { DatabaseHandle } from '../db/connect.ts';
import { openAndMigrate } from '../db/startup.ts';
import type { Logger } from '../src/ports/logger.ts';
import type { Settings } from './settings/read.ts';

class StoppedWhileWaiting extends Error {}

export async function openDatabaseAtStart(
  settings: Settings,
  logger: Logger,
  signal: AbortSignal,
): Promise<DatabaseHandle | null> {
  const log = logger.child({ component: 'database' });
  // A stop signal ends the wait between tries at once.
  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new StoppedWhileWaiting());
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(new StoppedWhileWaiting())), { once: true });
    });
  let handle: DatabaseHandle;
  try {
    handle = await openAndMigrate(
      settings.database.kind === 'postgres' ? { url: settings.database.url } : { dataDir: settings.database.dataDir },
      {
        startTimeoutMs: settings.dbStartTimeoutMs,
        log: (message) => log.warn({}, message),
        sleep,
      },
    );
  } catch (error) {
    if (error instanceof StoppedWhileWaiting) return null;
    throw error;
  }
  if (signal.aborted) {
    await handle.close();
    return null;
  }
  log.debug({ driver: handle.driver }, 'database open and migrated');
  return handle;
}
