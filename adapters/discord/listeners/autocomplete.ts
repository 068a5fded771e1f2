// Autocomplete for the focused option of a /jss subcommand: what the option stands for is the
// command definition's; the suggestions (the member's own contract ids, recorded days, command
// names) come from the command layer. Answered at once: Discord shows nothing after 3 s.

import { InteractionResponseType } from 'discord.js';
import type { APIApplicationCommandAutocompleteInteraction } from 'discord-api-types/v10';
import { findCommand } from '../../../src/commands/registry.ts';
import { suggest } from '../../../src/commands/suggest.ts';
import { canonicalName } from '../commands/option-plan.ts';
import { discordContext } from '../context.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_TEXT_MAX } from '../limits.ts';
import { answeredAtOnce } from './deferral.ts';
import { chosenSubcommand } from './subcommand.ts';
import type { HandledInteraction, ListenerDeps } from './types.ts';

export async function onAutocomplete(
  deps: ListenerDeps,
  interaction: APIApplicationCommandAutocompleteInteraction,
): Promise<HandledInteraction> {
  const sub = chosenSubcommand(interaction.data.options);
  const focused = (sub?.options ?? []).find((option) => 'focused' in option && option.focused === true);
  const command = sub ? findCommand(sub.name) : undefined;
  const name = command && focused ? canonicalName(command, focused.name) : null;
  const typed = focused && 'value' in focused ? String(focused.value) : '';
  const values =
    command && name !== null
      ? await suggest(
          deps.services,
          discordContext(interaction, deps.today()),
          command,
          name,
          typed,
          AUTOCOMPLETE_CHOICES_MAX,
        )
      : [];
  const choices = values.map((value) => ({
    name: value.slice(0, CHOICE_TEXT_MAX),
    value: value.slice(0, CHOICE_TEXT_MAX),
  }));
  return answeredAtOnce({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
}
