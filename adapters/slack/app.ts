// /jss on Slack: a Bolt app (HTTP or Socket Mode) in front of the shared command layer. This file
// only builds the app (boltAppOptions: receiver, authorization, Web API client) and registers the
// listeners (listeners/index.ts); what each request does lives with its listener. Serving needs no
// call to Slack at start-up (the authorize function hands Bolt the token, so there is no auth.test).

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, LogLevel, type App as BoltApp, type AppOptions } from '@slack/bolt';
import type { Services } from '../../src/commands/dispatch.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { ACK_BUDGET_MS } from './limits.ts';
import { registerListeners } from './listeners/index.ts';
import { oauthReceiverOptions, type SlackOAuthServices } from './oauth.ts';
import { GuardedHTTPReceiver, GuardedSocketModeReceiver } from './receivers.ts';
import { registerUninstallListeners } from './uninstall-listeners.ts';
import type { HomeTabs } from '../../src/ports/home-tabs.ts';
import { CHART_ROUTE_PATH, chartKeyFrom } from './chart-url.ts';
import { chartRouteHandler } from './home.ts';
import { clientForTeam, startHomeRefresh } from './home-refresh-job.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { createSlackTimeZoneCache } from './time-zone-cache.ts';
import { webApiFetch } from './web-api-fetch.ts';

/** A route on the HTTP server (the operations routes' shape). */
export interface Route {
  path: string;
  method: string;
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface SlackAppOptions {
  services: Services;
  config: SlackConfig;
  /** Today where the member is (the workspace's time zone is not in the payload: the server's). */
  today: () => string;
  /** Milliseconds a command may take before the ack goes out without it. */
  ackBudgetMs?: number;
  /** More routes on the same HTTP server (e.g. Discord's interactions endpoint). */
  extraRoutes?: Route[];
  logLevel?: LogLevel;
  /** Where Bolt's own messages go (in the bot's log format); Bolt's console logger when absent. */
  logger?: Logger;
  /** OAuth mode (config.oauth set): where installations are kept and uninstalls go. */
  oauth?: SlackOAuthServices;
  /**
   * App Home: where published Homes are recorded (refreshed after writes and when they run out) and
   * PUBLIC_URL for the chart (served at /charts/<token>.png; null: the sparkline). Without it the
   * Home is still published when opened, and never refreshed.
   */
  home?: { tabs: HomeTabs; publicUrl: string | null; refreshEveryMs?: number };
}

export interface SlackAdapter {
  app: BoltApp;
  /** Routes for a server of the caller's (Socket Mode has none of its own): the Home chart, when served. */
  routes: Route[];
  /** Starts serving; resolves with the HTTP port (null in Socket Mode). */
  start(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Everything Bolt's App is built with: our receivers (Bolt's own with guards in front, so malformed
 * bodies never reach Bolt), the token (one workspace, no auth.test), the Web API client and logging.
 * In OAuth mode the receiver also runs Bolt's installer, and Bolt authorises each team from its
 * installation instead of the one token.
 */
export function boltAppOptions(options: SlackAppOptions, ownRoutes: Route[] = []): AppOptions {
  const { config } = options;
  const logLevel = options.logLevel ?? LogLevel.WARN;
  // Bolt's messages in the bot's log format, when the bot gives a logger.
  const logger = options.logger ? boltLogger(options.logger, logLevel) : undefined;
  if (config.oauth && !options.oauth)
    throw new Error('Slack OAuth mode needs its installation store (SlackAppOptions.oauth)');
  const oauth =
    config.oauth && options.oauth ? oauthReceiverOptions(config.oauth, options.oauth, config.apiUrl, logger) : null;
  const botToken = config.botToken;
  const receiver = config.appToken
    ? new GuardedSocketModeReceiver({ appToken: config.appToken, logLevel, ...(logger && { logger }) })
    : new GuardedHTTPReceiver({
        signingSecret: config.signingSecret,
        port: config.port,
        logLevel,
        customRoutes: [...(options.extraRoutes ?? []), ...ownRoutes],
        ...(logger && { logger }),
        ...oauth,
      });
  return {
    receiver,
    ...(config.appToken && { socketMode: true }),
    ...(!oauth && botToken !== null && { authorize: async () => ({ botToken }) }),
    // Nothing reads Bolt's conversation context: its middleware would run (and store) on every event.
    convoStore: false,
    clientOptions: {
      ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
      retryConfig: { retries: 2 },
      fetch: webApiFetch,
    },
    logLevel,
    ...(logger && { logger }),
  };
}

export function createSlackApp(options: SlackAppOptions): SlackAdapter {
  const home = options.home
    ? {
        tabs: options.home.tabs,
        publicUrl: options.home.publicUrl,
        chartKey: chartKeyFrom(options.config.signingSecret),
      }
    : undefined;
  const deps: ListenerDeps = {
    services: options.services,
    config: options.config,
    today: options.today,
    ackBudgetMs: options.ackBudgetMs ?? ACK_BUDGET_MS,
    timeZones: createSlackTimeZoneCache(),
    ...(options.logger && { logger: options.logger }),
    ...(home && { home }),
  };
  // The chart is served only where the Home links to it: with PUBLIC_URL.
  const routes: Route[] = home?.publicUrl
    ? [{ path: CHART_ROUTE_PATH, method: 'GET', handler: chartRouteHandler(deps) }]
    : [];
  const app = new App(boltAppOptions(options, options.config.appToken ? [] : routes));
  registerListeners(app, deps);
  if (options.oauth) registerUninstallListeners(app, options.oauth);
  let stopRefresh: (() => Promise<void>) | null = null;
  return {
    app,
    routes: options.config.appToken ? routes : [],
    async start() {
      const started: unknown = await app.start(options.config.port);
      if (home)
        stopRefresh = startHomeRefresh(
          deps,
          clientForTeam(options.config, options.oauth?.installationStore),
          options.home?.refreshEveryMs,
        );
      const address = (started as Partial<Server> | undefined)?.address?.();
      return address && typeof address === 'object' ? address.port : null;
    },
    async stop() {
      await stopRefresh?.();
      await app.stop();
    },
  };
}
