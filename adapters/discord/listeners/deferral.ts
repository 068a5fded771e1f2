// Discord waits 3 s (FIRST_RESPONSE_DEADLINE_MS) for the first response. Anything that reads the
// database or downloads a file may take longer, so the first response is "deferred" (the member
// sees "thinking…", privately) at once, and the reply follows through the interaction webhook; a
// failure of the work still ends in a reply, never in a "thinking…" that never ends.

import { problemReply } from '../../../src/replies/problem-reply.ts';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { runCommand, type CommandInput } from '../../../src/commands/dispatch.ts';
import type { Reply } from '../../../src/replies/reply.ts';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { discordContext } from '../context.ts';
import { maySharePublicly } from '../install-context.ts';
import { completeReply } from './complete-reply.ts';
import type { HandledInteraction, ListenerDeps } from './types.ts';

/** What the member reads when the work itself failed (the command's transaction rolled back). */
export { PROBLEM_TEXT as FAILED_TEXT } from '../../../src/replies/problem-reply.ts';

/** "Thinking…", seen only by the member; the edit that completes it keeps that. */
export const DEFERRED_EPHEMERAL: APIInteractionResponse = {
  type: InteractionResponseType.DeferredChannelMessageWithSource,
  data: { flags: MessageFlags.Ephemeral },
};

/** A first response that is the whole answer (PONG, a modal, autocomplete choices). */
export function answeredAtOnce(initial: APIInteractionResponse): HandledInteraction {
  return { initial, followUp: null };
}

/** First response "deferred"; `work`'s reply (or FAILED_TEXT) is then handed to `finish`. */
export function deferWork(work: () => Promise<Reply>, finish: (reply: Reply) => Promise<void>): HandledInteraction {
  const followUp = work()
    .catch(() => problemReply())
    .then(finish);
  return { initial: DEFERRED_EPHEMERAL, followUp };
}

/** First response "deferred", then `work`'s reply edited into it. */
export function deferred(
  deps: ListenerDeps,
  interaction: APIInteraction,
  work: () => Promise<Reply>,
): HandledInteraction {
  return deferWork(work, (reply) => completeReply(deps, interaction, reply));
}

/** Runs a command for the member of the interaction, as of today; without a Share button where the bot may not post. */
export async function runFor(deps: ListenerDeps, interaction: APIInteraction, input: CommandInput): Promise<Reply> {
  const reply = await runCommand(deps.services, discordContext(interaction, deps.today()), input);
  return reply.shareable && !maySharePublicly(interaction) ? { ...reply, shareable: false } : reply;
}
