// `npm start` (and `node dist/main.js`): the composition root. Reads and checks the settings,
// opens the database (PostgreSQL when DATABASE_URL is set, else embedded PGlite in JSS_DATA_DIR),
// applies migrations, starts the jobs, and runs the bot on Slack and/or Discord when configured,
// else as the console bot. SIGTERM or SIGINT stop it cleanly: no new requests, those in flight
// finish (bounded), jobs stop, the database closes, exit 0.

import { existsSync } from 'node:fs';
import { createReminderQueue } from '../db/reminder-queue.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { createStoreFor } from '../db/guarded-store.ts';
import { checkReadiness } from '../db/readiness.ts';
import { oldestStaleSnapshotAge } from '../db/snapshot-queries.ts';
import { consoleToday } from '../adapters/console/context.ts';
import type { Services } from '../src/commands/dispatch.ts';
import { systemClock } from '../src/ports/clock.ts';
import { createInFlight } from '../src/commands/in-flight.ts';
import { startSnapshotRefresh } from '../src/leaderboard/schedule.ts';
import { startReminderSchedule } from '../src/reminders/schedule.ts';
import { directMessagesOf } from './direct-messages.ts';
import { createLogger, type AppLogger } from './logger.ts';
import { openDatabaseAtStart } from './open-database.ts';
import { operationsRoutes } from './operations-routes.ts';
import { runConsoleMode } from './console-mode.ts';
import { startPlatforms } from './platforms.ts';
import { readSettings, type Settings } from './settings/read.ts';
import { installProcessGuards } from '../src/process-guards.ts';
import { untilStopSignal, type StopSignal } from './stop-signal.ts';
import { compileWasmForSmallFootprint } from './wasm-tuning.ts';
import { createChartCache } from '../db/chart-cache-queries.ts';
import { createChartService } from '../src/charts/chart-service.ts';
import { inProcessRenderer } from '../src/charts/in-process-renderer.ts';
import { createWorkerPool, defaultPoolSize } from '../src/charts/worker-pool.ts';

/** Platforms retry a request within minutes; its id is kept a week, then forgotten. */
const REQUEST_RETENTION_DAYS = 7;
/** How often a long-running bot forgets old request ids. */
const PRUNE_EVERY_MS = 6 * 3_600_000;

/** `.env` in the working directory, when present; variables already set win over it. */
function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

async function run(settings: Settings, logger: AppLogger): Promise<void> {
  const stop = untilStopSignal(logger);
  let markFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
  });
  // What escapes every request handler is logged; an uncaught exception that is not one
  // connection's stops the bot as a signal would, then exits 1 for the supervisor to restart it.
  const removeGuards = installProcessGuards((message) => logger.error({ component: 'process' }, message), {
    shutdown: async () => {
      stop.request('uncaught exception');
      await finished;
    },
    shutdownGraceMs: settings.shutdownTimeoutMs + 5_000,
  });
  try {
    await runOpened(settings, logger, stop);
  } finally {
    stop.dispose();
    removeGuards();
    markFinished();
  }
}

async function runOpened(settings: Settings, logger: AppLogger, stop: StopSignal): Promise<void> {
  if (settings.database.kind === 'pglite') compileWasmForSmallFootprint();
  const handle = await openDatabaseAtStart(settings, logger, stop.signal);
  if (!handle) return;
  let stopping = false;
  // prom-client is loaded only when metrics are on.
  const metrics = settings.metrics ? (await import('./metrics.ts')).createMetrics() : null;
  const inFlight = createInFlight();
  const requestLog = logger.child({ component: 'requests' });
  // Charts render on worker threads (JSS_CHART_WORKERS=0: on this one) and are shared through the database.
  const chartRenderer =
    settings.chartWorkers === 0 ? inProcessRenderer : createWorkerPool(settings.chartWorkers ?? defaultPoolSize());
  const chartCache = createChartCache(handle.db);
  const services: Services = {
    // On PostgreSQL a call without an answer for a few seconds counts as the database being away.
    store: createStoreFor(handle),
    clock: systemClock,
    pinnedToday: settings.asOf,
    inFlight,
    charts: createChartService({
      cache: chartCache,
      renderer: chartRenderer,
      onCacheError: (error) => requestLog.warn({ err: error }, 'chart cache failed'),
    }),
    onError: (error, ctx, command) =>
      requestLog.error({ err: error, platform: ctx.platform, command, requestId: ctx.requestId }, 'command failed'),
    observe(observation) {
      // One line per request: never what the member typed, only what ran and how it went.
      requestLog.info(
        { ...observation, durationMs: Math.round(observation.durationMs * 10) / 10 },
        `${observation.platform} ${observation.command} ${observation.outcome}`,
      );
      metrics?.observeCommand(observation);
    },
  };
  // Request ids after their retention; undo snapshots once expired (undo also deletes a member's own
  // lazily); charts are dated, and one day of slack covers members whose today is ahead of the server's.
  const pruneOld = async () => {
    await services.store.pruneRequests(new Date(Date.now() - REQUEST_RETENTION_DAYS * 86_400_000));
    await services.store.pruneUndoSnapshots(new Date());
    await chartCache.evictExpired(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  };
  const jobLog = logger.child({ component: 'jobs' });
  const stopJobs: (() => Promise<void>)[] = [];
  let platforms: { stop(): Promise<void> } | null = null;
  try {
    await pruneOld();
    const pruning = setInterval(
      () =>
        pruneOld().catch((error: unknown) =>
          jobLog.warn({ err: error }, 'pruning request ids or undo snapshots failed'),
        ),
      PRUNE_EVERY_MS,
    );
    pruning.unref();
    stopJobs.push(async () => clearInterval(pruning));
    const today = () => consoleToday(settings.asOf);
    // Daily reminders (README "Reminders"), on the platforms this instance can send to.
    // PGlite is one session: a batch of one keeps commands from waiting on a batch of sends.
    stopJobs.push(
      startReminderSchedule({
        queue: createReminderQueue(handle.db),
        senders: await directMessagesOf(settings, process.stdout, logger, handle.db),
        pinnedDay: settings.asOf,
        hour: settings.reminderHour,
        log: (message) => jobLog.info({ job: 'reminders' }, message),
        onRun: (_day, summary) => metrics?.remindersSent(summary.sent, summary.failed),
        ...(handle.driver === 'pglite' && { batchSize: 1 }),
      }),
    );
    // Leaderboard rows that ran out overnight are recomputed in the background (README "Leaderboards").
    stopJobs.push(
      startSnapshotRefresh({
        store: services.store,
        today,
        log: (message) => jobLog.info({ job: 'snapshots' }, message),
        onRefreshed: (count) => metrics?.snapshotsRefreshed(count),
      }),
    );
    metrics?.setOldestStaleSnapshotAge(() => oldestStaleSnapshotAge(handle.db, today()));
    const routes = operationsRoutes({
      readiness: () => checkReadiness(handle.db),
      metrics: metrics?.registry ?? null,
      stopping: () => stopping,
    });
    if (settings.slack || settings.discord) {
      if (settings.slack?.oauth) {
        const { startUninstallForgetting } = await import('./slack-oauth.ts');
        stopJobs.push(
          startUninstallForgetting(
            handle.db,
            (message) => jobLog.info({ job: 'slack-uninstalls' }, message),
            (error) => jobLog.warn({ err: error }, 'deleting uninstalled workspaces failed'),
          ),
        );
      }
      platforms = await startPlatforms({ settings, services, today, logger, routes, db: handle.db });
      logger.info({ database: handle.driver }, 'jss-coach is running; SIGTERM or SIGINT stops it');
      await stop.stopped;
    } else {
      await runConsoleMode({ settings, services, today, signal: stop.signal, routes, logger });
    }
  } finally {
    stopping = true;
    const started = Date.now();
    await platforms?.stop();
    const drained = await inFlight.idle(settings.shutdownTimeoutMs);
    if (!drained)
      logger.warn(
        { inFlight: inFlight.count },
        `stopping with ${inFlight.count} request(s) still running after ${settings.shutdownTimeoutMs / 1000} s`,
      );
    await Promise.allSettled(stopJobs.map((stopJob) => stopJob()));
    await chartRenderer.close();
    await handle.close();
    logger.info({ ms: Date.now() - started }, 'stopped: requests finished, jobs stopped, database closed');
  }
}

async function main(): Promise<number> {
  loadDotEnv();
  const read = readSettings(process.env);
  if (!read.ok) {
    for (const problem of read.problems) process.stderr.write(`jss-coach: ${problem}\n`);
    process.stderr.write('jss-coach: see .env.example or the README ("Running it for real") for every setting.\n');
    return 2;
  }
  const settings = read.settings;
  const consoleMode = !settings.slack && !settings.discord;
  // In console mode the replies own stdout, and a member at the prompt wants no chatter.
  const logger = createLogger({ level: settings.logLevel ?? (consoleMode ? 'warn' : 'info'), fd: consoleMode ? 2 : 1 });
  try {
    await run(settings, logger);
    return 0;
  } catch (error) {
    // Another process holds the embedded database's folder: a setup mistake, like a bad setting.
    if (error instanceof DataDirLockedError) {
      logger.fatal({}, `could not start: ${error.message}`);
      return 2;
    }
    logger.fatal({ err: error }, `could not start: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
