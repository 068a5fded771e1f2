// `npm start`: opens the database (PostgreSQL when DATABASE_URL is set, else embedded PGlite in
// JSS_DATA_DIR or ./data), applies migrations, and runs the bot. With no platform tokens set, the
// bot is the console bot.

import { join } from 'node:path';
import { openDatabase } from '../db/connect.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createStore } from '../db/drizzle-store.ts';
import { runConsole } from '../adapters/console/console-bot.ts';
import { consoleToday, consoleUser } from '../adapters/console/context.ts';

/** Platforms retry a request within minutes; its id is kept a week, then forgotten. */
const REQUEST_RETENTION_DAYS = 7;

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = env.JSS_DATA_DIR || './data';
  const handle = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  try {
    await migrateDatabase(handle);
    const store = createStore(handle.db);
    await store.pruneRequests(new Date(Date.now() - REQUEST_RETENTION_DAYS * 86_400_000));
    const services = {
      store,
      onError: (error: unknown) => process.stderr.write(`jss-coach: ${(error as Error).stack ?? String(error)}\n`),
    };
    await runConsole({
      services,
      input: process.stdin,
      output: process.stdout,
      user: consoleUser(env),
      today: () => consoleToday(env),
      historyFile: env.DATABASE_URL ? undefined : join(dataDir, 'console_history'),
    });
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`jss-coach could not start: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
