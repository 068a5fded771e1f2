// The gateway client (with DISCORD_TOKEN): interactions arrive over the websocket instead of HTTP;
// the same handler answers them, its first response sent through the interaction callback route.

import { Client, GatewayIntentBits, Routes, type REST } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../../src/ports/logger.ts';
import type { InteractionHandler } from './interactions.ts';

/** Sends the handler's first response for a gateway interaction, then lets the follow-up finish. */
export async function answerGatewayInteraction(
  rest: REST,
  handler: InteractionHandler,
  interaction: APIInteraction,
  onError?: (error: unknown) => void,
): Promise<void> {
  const handled = await handler(interaction);
  // The follow-up is already running: catch its failure before anything else can throw, or an
  // expired interaction (its callback refused) would end the process with an unhandled rejection.
  const followUp = handled.followUp?.catch((error: unknown) => onError?.(error));
  try {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: handled.initial,
      auth: false,
    });
  } finally {
    await followUp;
  }
}

export interface GatewayOptions {
  token: string;
  rest: REST;
  handler: InteractionHandler;
  apiUrl: string | null;
  shards: 'auto' | number | null;
  onError?: (error: unknown) => void;
  /** Where discord.js's warnings, errors and rate limits go (in the bot's log format). */
  logger?: Logger;
}

/** discord.js reports through events rather than a logger option: forward the ones an admin needs. */
function forwardClientEvents(client: Client, rest: REST, logger: Logger): void {
  const log = logger.child({ component: 'discord.js' });
  client.on('warn', (message) => log.warn({}, message));
  client.on('error', (error) => log.error({ err: error }, 'discord.js client error'));
  client.on('shardError', (error, shardId) => log.error({ err: error, shardId }, 'gateway shard error'));
  client.on('shardDisconnect', (event, shardId) =>
    log.warn({ shardId, code: event.code }, 'gateway shard disconnected'),
  );
  client.on('shardReconnecting', (shardId) => log.info({ shardId }, 'gateway shard reconnecting'));
  rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit hit'),
  );
}

export function createGatewayClient(options: GatewayOptions): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // No pings from anything the bot sends, whatever the text says.
    allowedMentions: { parse: [] },
    ...(options.apiUrl && { rest: { api: options.apiUrl } }),
    ...(options.shards !== null && { shards: options.shards }),
  });
  if (options.logger) forwardClientEvents(client, options.rest, options.logger);
  client.on('raw', (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    answerGatewayInteraction(options.rest, options.handler, packet.d as APIInteraction, options.onError).catch(
      (error: unknown) => options.onError?.(error),
    );
  });
  return client;
}
