// Slack payloads to the command layer's context: one community per workspace (team_id), the
// member's display name from the payload, the request's trigger_id as its request id.

import type { CommandContext } from '../../src/commands/types.ts';

export interface SlackWho {
  teamId: string;
  teamDomain?: string | undefined;
  userId: string;
  userName?: string | undefined;
  /** trigger_id: unique per invocation and repeated when Slack sends the same request again. */
  requestId: string | null;
}

export function slackContext(who: SlackWho, asOf: string, isAdmin = false): CommandContext {
  return {
    platform: 'slack',
    community: { platform: 'slack', externalId: who.teamId, name: who.teamDomain ?? null },
    userId: who.userId,
    displayName: who.userName ?? who.userId,
    requestId: who.requestId,
    asOf,
    isAdmin,
  };
}
