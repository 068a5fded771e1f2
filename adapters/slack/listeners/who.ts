// Who sent a request, read from each kind of Slack payload (Bolt's types, no casts): the
// workspace, the member, and the request id that makes a write happen once.

import type { BlockAction, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { SlackWho } from '../context.ts';

/** A slash command: its trigger_id is the request id (the same when Slack sends it again). */
export function whoOfCommand(command: SlashCommand): SlackWho {
  return {
    teamId: command.team_id,
    teamDomain: command.team_domain,
    userId: command.user_id,
    userName: command.user_name,
    requestId: command.trigger_id,
  };
}

/** A form submission: the view's id and hash name this one submission. */
export function whoOfSubmission(body: ViewSubmitAction, view: ViewOutput): SlackWho {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    userId: body.user.id,
    userName: body.user.name,
    requestId: `view:${view.id}:${view.hash}`,
  };
}

/** A button: buttons run reads or ask again, so no request id. */
export function whoOfAction(body: BlockAction): SlackWho {
  return { teamId: body.team?.id ?? '', userId: body.user.id, userName: body.user.name, requestId: null };
}
