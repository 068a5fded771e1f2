// "Share in channel": the same (read-only) reply run again, posted for everyone without buttons;
// an error or a reply that may not be shared is posted nowhere.

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { runCommand } from '../../../src/commands/dispatch.ts';
import { parseCommandText } from '../../../src/commands/grammar.ts';
import { sharedView } from '../../../src/replies/reply.ts';
import { sharedByLine } from '../../shared/share.ts';
import { slackContext } from '../context.ts';
import { messageOf } from '../reply-message.ts';
import type { ListenerDeps } from './deps.ts';
import { sendFiles } from './run-for-member.ts';
import { whoOfAction } from './who.ts';

export function shareListener(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = parseCommandText(action.value || 'score');
    if (!parsed.ok) return;
    const who = whoOfAction(body);
    const reply = await runCommand(deps.services, slackContext(who, deps.today()), parsed.parsed);
    if (reply.kind === 'error' || !reply.shareable) return;
    const shared = sharedView(reply, sharedByLine(body.user.name));
    await respond({ response_type: 'in_channel', replace_original: false, ...messageOf(shared) });
    // The chart goes where the reply was shared (Slack needs the bot in that channel), drawn from
    // the shared view: without the member's recorded scores.
    const channelId = body.channel?.id;
    if (channelId) await sendFiles(deps, client, { channelId }, shared, who);
  };
}
