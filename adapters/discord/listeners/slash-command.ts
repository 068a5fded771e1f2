// /jss SUBCOMMAND: the options become the command's input; a command whose definition opens a
// form (and reads no file, which a modal cannot take) opens it; an attached file is downloaded
// after the deferral, since a download can outlast Discord's 3 s.

import { InteractionResponseType } from 'discord.js';
import type { APIChatInputApplicationCommandInteraction } from 'discord-api-types/v10';
import { formToOpen } from '../../../src/commands/forms.ts';
import { errorReply } from '../../../src/replies/reply.ts';
import { COMMAND_NAME } from '../commands/definition.ts';
import { interactionOptionsToInput } from '../commands/to-input.ts';
import { formModal } from '../modals.ts';
import { attachmentText } from './attachment.ts';
import { answeredAtOnce, deferred, runFor } from './deferral.ts';
import { chosenSubcommand } from './subcommand.ts';
import type { HandledInteraction, ListenerDeps } from './types.ts';

export function onSlashCommand(
  deps: ListenerDeps,
  interaction: APIChatInputApplicationCommandInteraction,
): HandledInteraction {
  const sub = chosenSubcommand(interaction.data.options);
  if (!sub)
    return deferred(deps, interaction, async () =>
      errorReply(`expected a /${COMMAND_NAME} subcommand, e.g. /${COMMAND_NAME} score`),
    );
  const { input, attachmentId, problem } = interactionOptionsToInput(sub.name, sub.options ?? []);
  if (problem) return deferred(deps, interaction, async () => errorReply(problem));
  const open = attachmentId === null ? formToOpen(input, deps.today()) : null;
  if (open && !open.command.body) return answeredAtOnce({ type: InteractionResponseType.Modal, data: formModal(open) });
  return deferred(deps, interaction, async () => {
    if (attachmentId) {
      const file = await attachmentText(interaction, attachmentId, deps.fileOrigins);
      if (!file.ok) return errorReply(`file: ${file.reason}`, 'Nothing was imported.');
      input.body = file.text;
    }
    return runFor(deps, interaction, input);
  });
}
