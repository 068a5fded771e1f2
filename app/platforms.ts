// Starts the platforms the settings configure, loading each adapter only then (console mode never
// loads Bolt or discord.js). One HTTP port serves everything that needs one: Slack's events,
// Discord's interactions, and the operations routes (health, readiness, metrics).

import type { Database } from '../db/database.ts';
import type { Services } from '../src/commands/dispatch.ts';
import type { Logger } from '../src/ports/logger.ts';
import { serveRoutes, type Route } from './operations-routes.ts';
import type { Settings } from './settings/read.ts';

export interface RunningPlatforms {
  /** Stops taking requests (closes servers and connections). */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  settings: Settings;
  services: Services;
  today: () => string;
  logger: Logger;
  routes: Route[];
  /** The database, for what lives outside the Store (Slack installations in OAuth mode). */
  db?: Database;
}

export async function startPlatforms(options: PlatformOptions): Promise<RunningPlatforms> {
  const { settings, services, logger, routes } = options;
  const stops: (() => Promise<void>)[] = [];
  const onError = (error: unknown) => logger.error({ err: error }, 'platform request failed');
  let httpServed = false;

  const discord = settings.discord
    ? (await import('../adapters/discord/app.ts')).createDiscordBot({
        services,
        config: settings.discord,
        today: options.today,
        onError,
        logger,
        extraRoutes: routes,
      })
    : null;
  const INTERACTIONS_PATH = discord ? (await import('../adapters/discord/http-endpoint.ts')).INTERACTIONS_PATH : '';
  const slackOverHttp = Boolean(settings.slack && !settings.slack.appToken);
  const shareServer = Boolean(slackOverHttp && discord?.route);

  // A platform that fails to start (a port in use, a refused token) stops those started before it.
  try {
    if (settings.slack) {
      const { createSlackApp } = await import('../adapters/slack/app.ts');
      const discordRoute = discord?.route;
      const extraRoutes: Route[] = [
        ...(slackOverHttp ? routes : []),
        ...(shareServer && discordRoute
          ? [
              {
                path: INTERACTIONS_PATH,
                method: 'POST',
                handler: (request, response) => void discordRoute(request, response),
              } satisfies Route,
            ]
          : []),
      ];
      const oauthConfig = settings.slack.oauth;
      if (oauthConfig && !options.db) throw new Error('Slack OAuth mode needs the database for its installations');
      const oauth =
        oauthConfig && options.db
          ? (await import('./slack-oauth.ts')).slackOAuthServices(options.db, oauthConfig, logger)
          : undefined;
      const slack = createSlackApp({
        services,
        config: settings.slack,
        today: options.today,
        logger,
        ...(extraRoutes.length > 0 && { extraRoutes }),
        ...(oauth && { oauth }),
      });
      const port = await slack.start();
      stops.push(() => slack.stop());
      if (settings.slack.appToken) logger.info({ platform: 'slack', mode: 'socket' }, 'Slack connected in Socket Mode');
      else {
        httpServed = true;
        logger.info(
          { platform: 'slack', port },
          `Slack listening on port ${port} at /slack/events${oauthConfig ? ' (OAuth: installs at /slack/install)' : ''}`,
        );
      }
    }
    if (discord && settings.discord) {
      stops.unshift(() => discord.stop());
      if (discord.route && !shareServer) {
        const port = await discord.listen(settings.discord.port);
        httpServed = true;
        logger.info({ platform: 'discord', port }, `Discord interactions on port ${port} at ${INTERACTIONS_PATH}`);
      } else if (discord.route)
        logger.info({ platform: 'discord' }, `Discord interactions at ${INTERACTIONS_PATH} on the same port`);
      await discord.connect();
      if (settings.discord.token) logger.info({ platform: 'discord', mode: 'gateway' }, 'Discord gateway connected');
    }
    // Socket Mode and the gateway need no HTTP server; health and metrics get one when PORT is set.
    if (!httpServed && settings.portGiven) {
      const server = await serveRoutes(routes, settings.port);
      stops.push(() => server.close());
      logger.info({ port: server.port }, `health checks on port ${server.port}`);
    }
  } catch (error) {
    await Promise.allSettled(stops.map((stop) => stop()));
    throw error;
  }
  return {
    async stop() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}
