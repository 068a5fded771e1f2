// The subcommand a /jss interaction chose, inside its group when it has one (/jss upwork actual):
// slash commands and their autocomplete requests carry it alike.

import { ApplicationCommandOptionType, type InteractionType } from 'discord.js';
import type {
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandInteractionDataSubcommandOption,
} from 'discord-api-types/v10';

export function chosenSubcommand<T extends InteractionType>(
  options: readonly APIApplicationCommandInteractionDataOption<T>[] | undefined,
): APIApplicationCommandInteractionDataSubcommandOption<T> | null {
  const [first] = options ?? [];
  const leaf = first?.type === ApplicationCommandOptionType.SubcommandGroup ? (first.options ?? [])[0] : first;
  return leaf?.type === ApplicationCommandOptionType.Subcommand ? leaf : null;
}
