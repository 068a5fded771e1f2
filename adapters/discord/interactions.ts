// One handler for every Discord interaction, whether it came over HTTP or the gateway. It only
// routes: each kind of interaction has its listener (listeners/*.ts), which returns the first
// response at once (PONG, a modal, autocomplete choices, or "deferred") and, when work follows,
// a promise that completes the reply through the interaction webhook (listeners/deferral.ts).

import { InteractionResponseType, InteractionType, type REST } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import {
  isChatInputApplicationCommandInteraction,
  isMessageComponentButtonInteraction,
} from 'discord-api-types/utils/v10';
import type { Services } from '../../src/commands/dispatch.ts';
import { DISCORD_FILE_ORIGINS } from './limits.ts';
import { onAutocomplete } from './listeners/autocomplete.ts';
import { onButton } from './listeners/button.ts';
import { answeredAtOnce } from './listeners/deferral.ts';
import { onModalSubmit } from './listeners/modal-submit.ts';
import { onSlashCommand } from './listeners/slash-command.ts';
import type { HandledInteraction, ListenerDeps } from './listeners/types.ts';

export type { HandledInteraction } from './listeners/types.ts';

export interface InteractionHandlerOptions {
  services: Services;
  /** REST client for the interaction webhook (no bot token needed for it). */
  rest: REST;
  applicationId: string;
  today: () => string;
  /** The REST base when it is not Discord's (tests): attachments are downloaded from its origin too. */
  apiUrl?: string | null;
}

export type InteractionHandler = (interaction: APIInteraction) => Promise<HandledInteraction>;

/** Interactions /jss never asks for (context menus, select menus): acknowledged, nothing run. */
const IGNORED = answeredAtOnce({ type: InteractionResponseType.Pong });

export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const deps: ListenerDeps = {
    services: options.services,
    rest: options.rest,
    applicationId: options.applicationId,
    today: options.today,
    // Attachments come from Discord's CDN only (or the fake API's origin in tests), whatever URL a payload names.
    fileOrigins: options.apiUrl ? [...DISCORD_FILE_ORIGINS, new URL(options.apiUrl).origin] : DISCORD_FILE_ORIGINS,
  };

  return async (interaction) => {
    switch (interaction.type) {
      case InteractionType.Ping:
        return answeredAtOnce({ type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete:
        return onAutocomplete(deps, interaction);
      case InteractionType.ApplicationCommand:
        return isChatInputApplicationCommandInteraction(interaction) ? onSlashCommand(deps, interaction) : IGNORED;
      case InteractionType.MessageComponent:
        return isMessageComponentButtonInteraction(interaction) ? onButton(deps, interaction) : IGNORED;
      case InteractionType.ModalSubmit:
        return onModalSubmit(deps, interaction);
    }
    return IGNORED;
  };
}
