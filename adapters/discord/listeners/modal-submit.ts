// A submitted form (add, end ID): its fields become the command's named arguments, its custom id
// says which command (and positional word) it belongs to; then it runs like the typed command.

import type { APIModalSubmitInteraction } from 'discord-api-types/v10';
import { submittedArgs, submittedInput } from '../modals.ts';
import { deferred, runFor } from './deferral.ts';
import type { HandledInteraction, ListenerDeps } from './types.ts';

export function onModalSubmit(deps: ListenerDeps, interaction: APIModalSubmitInteraction): HandledInteraction {
  const named = submittedArgs(interaction.data.components ?? []);
  return deferred(deps, interaction, () =>
    runFor(deps, interaction, submittedInput(interaction.data.custom_id, named)),
  );
}
