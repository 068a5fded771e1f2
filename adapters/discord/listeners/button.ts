// A reply's buttons: RUN_PREFIX runs the command its custom id carries for whoever clicks;
// SHARE_PREFIX runs it again and, when that succeeds, posts the reply for the whole channel.

import { sharedByLine } from '../../shared/share.ts';
import type { APIMessageComponentButtonInteraction } from 'discord-api-types/v10';
import { parseCommandText } from '../../../src/commands/grammar.ts';
import type { CommandInput } from '../../../src/commands/dispatch.ts';
import { errorReply, sharedView, type Reply } from '../../../src/replies/reply.ts';
import { interactionUser } from '../context.ts';
import { maySharePublicly, SHARE_NEEDS_INSTALL, SHARE_NEEDS_INSTALL_HINT } from '../install-context.ts';
import { RUN_PREFIX, SHARE_PREFIX } from '../render/index.ts';
import { completeReply, sendReplyChart, sendReplyMessage } from './complete-reply.ts';
import { deferred, deferWork, runFor } from './deferral.ts';
import type { HandledInteraction, ListenerDeps } from './types.ts';

/** What the sharer reads once the reply is in the channel. */
const SHARED_NOTE: Reply = {
  kind: 'success',
  title: 'Shared in the channel',
  blocks: [],
  actions: [],
  attachments: [],
  shareable: false,
};

/** The command text a button's custom id carries ('' for an id of neither kind). */
function commandText(customId: string): { share: boolean; text: string } {
  if (customId.startsWith(SHARE_PREFIX)) return { share: true, text: customId.slice(SHARE_PREFIX.length) };
  if (customId.startsWith(RUN_PREFIX)) return { share: false, text: customId.slice(RUN_PREFIX.length) };
  return { share: false, text: '' };
}

/**
 * "Share in channel": answered privately first; only a successful reply is posted for everyone
 * (read-only, without buttons), so a failure never shows in the channel.
 */
function shared(
  deps: ListenerDeps,
  interaction: APIMessageComponentButtonInteraction,
  input: CommandInput,
): HandledInteraction {
  return deferWork(
    () => runFor(deps, interaction, input),
    async (reply) => {
      if (reply.kind === 'error' || !reply.shareable) return completeReply(deps, interaction, reply);
      const by = interactionUser(interaction).name;
      const view = sharedView(reply, sharedByLine(by));
      const posted = await sendReplyMessage(deps, interaction, view, true);
      // The sharer hears it went out before the shared chart is drawn.
      await completeReply(deps, interaction, SHARED_NOTE);
      await sendReplyChart(deps, interaction, view, posted);
    },
  );
}

export function onButton(deps: ListenerDeps, interaction: APIMessageComponentButtonInteraction): HandledInteraction {
  const { share, text } = commandText(interaction.data.custom_id);
  const parsed = parseCommandText(text || 'help');
  if (!parsed.ok) return deferred(deps, interaction, async () => errorReply(parsed.message));
  if (share && !maySharePublicly(interaction))
    return deferred(deps, interaction, async () => errorReply(SHARE_NEEDS_INSTALL, SHARE_NEEDS_INSTALL_HINT));
  return share
    ? shared(deps, interaction, parsed.parsed)
    : deferred(deps, interaction, () => runFor(deps, interaction, parsed.parsed));
}
