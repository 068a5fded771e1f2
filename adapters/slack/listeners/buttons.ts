// Buttons under a reply (`jss_run_<n>`) run the command they carry, privately; the answer follows
// through response_url, so the ack goes out at once.

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../../../src/commands/grammar.ts';
import { messageOf } from '../reply-message.ts';
import type { ListenerDeps } from './deps.ts';
import { runForMember, sendFiles } from './run-for-member.ts';
import { whoOfAction } from './who.ts';

export function runButtonListener(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = parseCommandText(action.value ?? '');
    if (!parsed.ok) return;
    const who = whoOfAction(body);
    const reply = await runForMember(deps, who, parsed.parsed, client);
    await respond({ response_type: 'ephemeral', replace_original: false, ...messageOf(reply) });
    await sendFiles(deps, client, { userId: who.userId }, reply, who);
  };
}
