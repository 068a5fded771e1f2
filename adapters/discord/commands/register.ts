// Registers /jss with Discord by bulk overwrite (PUT): whatever the application had is replaced by
// the registry's current definition, so a removed command or argument disappears too. A guild
// registration shows at once (for trying it out); a global one takes a while to reach every server.

import { ApplicationCommandOptionType, REST, Routes } from 'discord.js';
import type { RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { jssCommandDefinition } from './definition.ts';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register in this server only; null registers globally. */
  guildId: string | null;
  /** REST base override, e.g. http://127.0.0.1:9999/api (tests, proxies). */
  apiUrl: string | null;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  /** The route PUT to, without the API base and version. */
  route: string;
  /** The commands Discord now has for this scope. */
  commands: { id: string; name: string }[];
  subcommands: number;
}

export async function registerCommands({
  token,
  applicationId,
  guildId,
  apiUrl,
}: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const definition = jssCommandDefinition();
  const saved = (await rest.put(route, { body: [definition] })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: guildId ? 'guild' : 'global',
    route,
    commands: saved.map((command) => ({ id: command.id, name: command.name })),
    // Subcommands inside a group (/jss upwork actual) count too.
    subcommands: (definition.options ?? []).reduce(
      (sum, option) =>
        sum + (option.type === ApplicationCommandOptionType.SubcommandGroup ? (option.options ?? []).length : 1),
      0,
    ),
  };
}

/** One line for the person who ran the script. */
export function describeRegistration(result: RegisterResult, guildId: string | null): string {
  const names = result.commands.map((command) => `/${command.name} (${command.id})`).join(', ') || 'no commands';
  return result.scope === 'guild'
    ? `Registered ${names} with ${result.subcommands} subcommands in guild ${guildId}; it is usable there at once.`
    : `Registered ${names} with ${result.subcommands} subcommands globally; Discord can take up to an hour to show it everywhere.`;
}
