// `npm start`: opens the database (PostgreSQL when DATABASE_URL is set, else embedded PGlite in
// JSS_DATA_DIR or ./data), applies migrations, and runs the bot: on Slack and/or Discord when
// their settings are present (one HTTP server on PORT for both), else as the console bot.

import { join } from 'node:path';
import { openDatabase } from '../db/connect.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createStore } from '../db/drizzle-store.ts';
import { runConsole } from '../adapters/console/console-bot.ts';
import { consoleToday, consoleUser } from '../adapters/console/context.ts';
import { createDiscordBot } from '../adapters/discord/app.ts';
import { discordConfigFromEnv } from '../adapters/discord/config.ts';
import { INTERACTIONS_PATH } from '../adapters/discord/http-endpoint.ts';
import { createSlackApp } from '../adapters/slack/app.ts';
import { slackConfigFromEnv } from '../adapters/slack/config.ts';
import type { Services } from './commands/dispatch.ts';
import { startSnapshotRefresh } from './leaderboard/schedule.ts';
import { createReminderQueue } from '../db/reminder-queue.ts';
import { directMessagesFromEnv } from './reminders/platforms.ts';
import { reminderDay, reminderHourFromEnv, startReminderSchedule } from './reminders/schedule.ts';

/** Platforms retry a request within minutes; its id is kept a week, then forgotten. */
const REQUEST_RETENTION_DAYS = 7;
/** How often a long-running bot forgets old request ids. */
const PRUNE_EVERY_MS = 6 * 3_600_000;

function pruneOldRequests(services: Services): Promise<number> {
  return services.store.pruneRequests(new Date(Date.now() - REQUEST_RETENTION_DAYS * 86_400_000));
}

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

/** Serves the configured platforms until stopped; false when none is configured. */
async function servePlatforms(services: Services, env: NodeJS.ProcessEnv): Promise<boolean> {
  const slackConfig = slackConfigFromEnv(env);
  const discordConfig = discordConfigFromEnv(env);
  if (!slackConfig && !discordConfig) return false;
  const today = () => consoleToday(env);
  const discord = discordConfig ? createDiscordBot({ services, config: discordConfig, today, onError: (error) => log((error as Error).stack ?? String(error)) }) : null;
  const discordRoute = discord?.route ?? null;
  const shareServer = Boolean(slackConfig && !slackConfig.appToken && discordRoute);
  const slack = slackConfig
    ? createSlackApp({
        services,
        config: slackConfig,
        today,
        ...(shareServer && discordRoute && { extraRoutes: [{ path: INTERACTIONS_PATH, method: 'POST', handler: (request, response) => void discordRoute(request, response) }] }),
      })
    : null;
  if (slack) {
    const port = await slack.start();
    log(slackConfig?.appToken ? 'Slack connected in Socket Mode' : `Slack listening on port ${port} at /slack/events`);
  }
  if (discord && discordConfig) {
    if (discordRoute && !shareServer) log(`Discord interactions on port ${await discord.listen(discordConfig.port)} at ${INTERACTIONS_PATH}`);
    else if (discordRoute) log(`Discord interactions at ${INTERACTIONS_PATH} on the same port`);
    await discord.connect();
    if (discordConfig.token) log('Discord gateway connected');
  }
  const pruning = setInterval(() => {
    pruneOldRequests(services).catch((error: unknown) => log(`pruning request ids failed: ${(error as Error).message}`));
  }, PRUNE_EVERY_MS);
  await untilStopped();
  clearInterval(pruning);
  await Promise.all([slack?.stop(), discord?.stop()]);
  return true;
}

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = env.JSS_DATA_DIR || './data';
  const handle = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  let stopReminders = async () => {};
  let stopSnapshotRefresh = async () => {};
  try {
    await migrateDatabase(handle);
    const services: Services = { store: createStore(handle.db), onError: (error) => log((error as Error).stack ?? String(error)) };
    await pruneOldRequests(services);
    // Daily reminders (README "Reminders"), on the platforms this instance can send to.
    // PGlite is one session: a batch of one keeps commands from waiting on a batch of sends.
    stopReminders = startReminderSchedule({ queue: createReminderQueue(handle.db), senders: directMessagesFromEnv(env, process.stdout, log), today: () => reminderDay(env), hour: reminderHourFromEnv(env), log, ...(handle.driver === 'pglite' && { batchSize: 1 }) });
    // Leaderboard rows that ran out overnight are recomputed in the background (README "Leaderboards").
    stopSnapshotRefresh = startSnapshotRefresh({ store: services.store, today: () => consoleToday(env), log });
    if (await servePlatforms(services, env)) return;
    await runConsole({
      services,
      input: process.stdin,
      output: process.stdout,
      user: consoleUser(env),
      today: () => consoleToday(env),
      historyFile: env.DATABASE_URL ? undefined : join(dataDir, 'console_history'),
    });
  } finally {
    await stopReminders();
    await stopSnapshotRefresh();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  log(`could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});
