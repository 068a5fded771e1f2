// Discord interactions to the command layer's context: one community per guild, and in direct
// messages a personal space of the member's own.

import type { APIInteraction } from 'discord-api-types/v10';
import type { CommandContext } from '../../src/commands/types.ts';

/** Discord permission bits that make a member an admin of the bot's settings. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

export function interactionUser(interaction: APIInteraction): { id: string; name: string } {
  const user = interaction.member?.user ?? interaction.user;
  const id = user?.id ?? 'unknown';
  const nick = interaction.member && 'nick' in interaction.member ? interaction.member.nick : null;
  return { id, name: nick ?? user?.global_name ?? user?.username ?? id };
}

export function discordContext(interaction: APIInteraction, asOf: string): CommandContext {
  const user = interactionUser(interaction);
  const guildId = interaction.guild_id ?? null;
  const permissions = BigInt(interaction.member?.permissions ?? '0');
  return {
    platform: 'discord',
    community: guildId
      ? { platform: 'discord', externalId: guildId }
      : { platform: 'discord', externalId: `dm:${user.id}`, name: 'Direct messages' },
    userId: user.id,
    displayName: user.name,
    requestId: interaction.id,
    asOf,
    // In a DM the member is alone in their space; in a guild, Discord's permissions decide.
    isAdmin: guildId === null || (permissions & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n,
  };
}
