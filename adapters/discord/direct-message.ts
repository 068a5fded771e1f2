// A direct message from the bot to one member (daily reminders): open (or find) the DM channel
// with POST /users/@me/channels, then post the reply there as embeds from the adapter's renderer
// (escaped and fitted to Discord's limits), with `allowed_mentions: { parse: [] }` so it pings no
// one. Only a bot token (DISCORD_TOKEN) may do this; without one, direct messages are off.

import { REST, Routes } from 'discord.js';
import type { DirectMessage } from '../../src/ports/direct-message.ts';
import type { DiscordConfig } from './config.ts';
import { renderDiscordMessage } from './render/index.ts';

export type DiscordDirectMessage = DirectMessage;

/** Why there are no Discord direct messages without a token (logged once; the reminders stay pending). */
export const DIRECT_MESSAGES_NEED_TOKEN = 'Discord direct messages (reminders) need DISCORD_TOKEN, the bot token';

/** Null without a token: the caller leaves Discord out of what it sends. */
export function createDiscordDirectMessage(
  config: Pick<DiscordConfig, 'token' | 'apiUrl'>,
): DiscordDirectMessage | null {
  if (!config.token) return null;
  // Its own client with @discordjs/rest's default global limit: these are bot calls, which
  // Discord holds to it (unlike the interaction webhooks the app's client serves).
  const rest = new REST({ ...(config.apiUrl && { api: config.apiUrl }) }).setToken(config.token);
  return async (userId, reply) => {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id?: string };
    if (!channel.id) throw new Error('Discord opened no DM channel');
    // No buttons: pressed in a DM they would run in the member's DM space, not the server whose
    // contracts the reminder is about.
    const message = renderDiscordMessage({ ...reply, actions: [], shareable: false }, { ephemeral: false });
    await rest.post(Routes.channelMessages(channel.id), { body: message });
  };
}
