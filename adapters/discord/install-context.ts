// Where the bot may post for everyone. With a user install a member runs /jss in servers that never
// installed the bot and in group DMs: the reply is theirs alone there (ephemeral, as every reply
// is), and nothing is posted to the channel, so the Share button is left off and refused.

import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';

/**
 * True in a server that installed the bot and in the bot's own DMs. False in a server that did not
 * (its guild install, key "0", did not authorize the interaction) and in group DMs (context 2).
 * Payloads without `context` or `authorizing_integration_owners` predate user installs: guild installs.
 */
export function maySharePublicly(interaction: APIInteraction): boolean {
  if (interaction.context === InteractionContextType.PrivateChannel) return false;
  if (interaction.context === InteractionContextType.BotDM) return true;
  if (interaction.guild_id === undefined) return true;
  const owners = interaction.authorizing_integration_owners as
    | Partial<Record<ApplicationIntegrationType, string>>
    | undefined;
  if (owners === undefined) return true;
  return owners[ApplicationIntegrationType.GuildInstall] !== undefined;
}

/** Said when a share is asked where the bot may not post (an old message's button, or a crafted one). */
export const SHARE_NEEDS_INSTALL =
  'sharing posts the reply in the channel, and this server has not installed jss-coach (you use it through your own account); nothing was posted';
export const SHARE_NEEDS_INSTALL_HINT =
  'Ask a server admin to add jss-coach to the server, or share the figures yourself.';
