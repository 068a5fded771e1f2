// The Discord bot: the HTTP interactions endpoint (with DISCORD_PUBLIC_KEY) and, with
// DISCORD_TOKEN, the gateway client, both on one interaction handler.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import type { Services } from '../../src/commands/dispatch.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { DiscordConfig } from './config.ts';
import { createGatewayClient } from './gateway.ts';
import { interactionsEndpoint, INTERACTIONS_PATH } from './http-endpoint.ts';
import { INTERACTION_REQUESTS_PER_SECOND } from './limits.ts';
import { createInteractionHandler, type InteractionHandler } from './interactions.ts';

export interface DiscordBotOptions {
  services: Services;
  config: DiscordConfig;
  today: () => string;
  onError?: (error: unknown) => void;
  logger?: Logger;
  /** More routes on the bot's own HTTP server (health, metrics). */
  extraRoutes?: {
    path: string;
    method: string;
    handler: (request: IncomingMessage, response: ServerResponse) => void;
  }[];
}

export interface DiscordBot {
  handler: InteractionHandler;
  /** The HTTP route, to mount in a server; null without DISCORD_PUBLIC_KEY. */
  route: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | null;
  /** Serves the route on its own port (when no other server hosts it); resolves with the port. */
  listen(port: number): Promise<number>;
  /** Connects the gateway client when there is a token. */
  connect(): Promise<void>;
  stop(): Promise<void>;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { config } = options;
  // Interaction webhooks are not bound by the bot's global rate limit (50 a second in
  // @discordjs/rest's default), which would otherwise queue replies under load.
  const rest = new REST({
    ...(config.apiUrl && { api: config.apiUrl }),
    globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
  });
  if (config.token) rest.setToken(config.token);
  const handler = createInteractionHandler({
    services: options.services,
    rest,
    applicationId: config.applicationId,
    today: options.today,
    apiUrl: config.apiUrl,
  });
  const route = config.publicKey
    ? interactionsEndpoint({
        publicKey: config.publicKey,
        handler,
        ...(options.onError && { onError: options.onError }),
      })
    : null;
  const gateway = config.token
    ? createGatewayClient({
        token: config.token,
        rest,
        handler,
        apiUrl: config.apiUrl,
        shards: config.shards,
        ...(options.onError && { onError: options.onError }),
        ...(options.logger && { logger: options.logger }),
      })
    : null;
  let server: Server | null = null;
  return {
    handler,
    route,
    async listen(port) {
      if (!route) throw new Error('the HTTP interactions endpoint needs DISCORD_PUBLIC_KEY');
      server = createServer((request, response) => {
        const path = request.url?.split('?')[0];
        const extra = options.extraRoutes?.find(
          (candidate) => candidate.path === path && candidate.method === request.method,
        );
        if (path === INTERACTIONS_PATH) void route(request, response);
        else if (extra) extra.handler(request, response);
        else {
          response.writeHead(404);
          response.end();
        }
      });
      await new Promise<void>((resolve) => server?.listen(port, resolve));
      return (server.address() as AddressInfo).port;
    },
    async connect() {
      if (gateway && config.token) await gateway.login(config.token);
    },
    async stop() {
      await gateway?.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
