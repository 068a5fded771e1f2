// `npm start`: opens the database (PostgreSQL when DATABASE_URL is set, else embedded PGlite in
// JSS_DATA_DIR or ./data), applies migrations, and runs the bot: on Slack when its tokens are set,
// else as the console bot.

import { join } from 'node:path';
import { openDatabase } from '../db/connect.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createStore } from '../db/drizzle-store.ts';
import { runConsole } from '../adapters/console/console-bot.ts';
import { consoleToday, consoleUser } from '../adapters/console/context.ts';
import { createSlackApp } from '../adapters/slack/app.ts';
import { slackConfigFromEnv } from '../adapters/slack/config.ts';
import type { Services } from './commands/dispatch.ts';

/** Platforms retry a request within minutes; its id is kept a week, then forgotten. */
const REQUEST_RETENTION_DAYS = 7;

function log(message: string): void {
  process.stderr.write(`jss-coach: ${message}\n`);
}

/** Resolves on SIGINT or SIGTERM, for a clean shutdown of the servers. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function serveSlack(services: Services, env: NodeJS.ProcessEnv): Promise<boolean> {
  const config = slackConfigFromEnv(env);
  if (!config) return false;
  const slack = createSlackApp({ services, config, today: () => consoleToday(env) });
  const port = await slack.start();
  log(config.appToken ? 'Slack connected in Socket Mode' : `Slack listening on port ${port} at /slack/events`);
  await untilStopped();
  await slack.stop();
  return true;
}

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = env.JSS_DATA_DIR || './data';
  const handle = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  try {
    await migrateDatabase(handle);
    const store = createStore(handle.db);
    await store.pruneRequests(new Date(Date.now() - REQUEST_RETENTION_DAYS * 86_400_000));
    const services: Services = { store, onError: (error) => log((error as Error).stack ?? String(error)) };
    if (await serveSlack(services, env)) return;
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
  log(`could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});
