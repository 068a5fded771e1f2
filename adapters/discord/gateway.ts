// The gateway client (with DISCORD_TOKEN): interactions arrive over the websocket instead of HTTP;
// the same handler answers them, its first response sent through the interaction callback route.

import { Client, GatewayIntentBits, Routes, type REST } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { InteractionHandler } from './interactions.ts';

/** Sends the handler's first response for a gateway interaction, then lets the follow-up finish. */
export async function answerGatewayInteraction(rest: REST, handler: InteractionHandler, interaction: APIInteraction, onError?: (error: unknown) => void): Promise<void> {
  const handled = await handler(interaction);
  // The follow-up is already running: catch its failure before anything else can throw, or an
  // expired interaction (its callback refused) would end the process with an unhandled rejection.
  const followUp = handled.followUp?.catch((error: unknown) => onError?.(error));
  try {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: handled.initial, auth: false });
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
}

export function createGatewayClient(options: GatewayOptions): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // No pings from anything the bot sends, whatever the text says.
    allowedMentions: { parse: [] },
    ...(options.apiUrl && { rest: { api: options.apiUrl } }),
    ...(options.shards !== null && { shards: options.shards }),
  });
  client.on('raw', (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    answerGatewayInteraction(options.rest, options.handler, packet.d as APIInteraction, options.onError).catch((error: unknown) => options.onError?.(error));
  });
  return client;
}
