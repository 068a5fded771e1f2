// The console bot as the composition root runs it: the member from JSS_CONSOLE_USER (or the OS
// user), history kept per member beside the embedded database, health routes when PORT is set.

import { rm } from 'node:fs/promises';
import { runConsole } from '../adapters/console/console-bot.ts';
import { historyFileOf, sharedHistoryFileOf } from '../adapters/console/history.ts';
import type { Services } from '../src/commands/dispatch.ts';
import type { Logger } from '../src/ports/logger.ts';
import { serveRoutes, type Route } from './operations-routes.ts';
import type { Settings } from './settings/read.ts';

export interface ConsoleModeOptions {
  settings: Settings;
  services: Services;
  today: () => string;
  signal: AbortSignal;
  routes: Route[];
  logger: Logger;
}

export async function runConsoleMode(options: ConsoleModeOptions): Promise<void> {
  const { settings } = options;
  const embedded = settings.database.kind === 'pglite';
  // Before history was per member, every member's lines went to one file: it is not theirs to read.
  if (embedded) await rm(sharedHistoryFileOf(settings.dataDir), { force: true });
  const server = settings.portGiven ? await serveRoutes(options.routes, settings.port) : null;
  if (server) options.logger.info({ port: server.port }, `health checks on port ${server.port}`);
  try {
    await runConsole({
      services: options.services,
      input: process.stdin,
      output: process.stdout,
      user: settings.consoleUser,
      today: options.today,
      signal: options.signal,
      ...(embedded && { historyFile: historyFileOf(settings.dataDir, settings.consoleUser) }),
    });
  } finally {
    await server?.close();
  }
}
