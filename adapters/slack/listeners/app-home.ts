// app_home_opened: the member opened the app's Home tab, so it is published afresh for them
// (views.publish with the listener's client: in OAuth mode, their team's token). The Messages tab
// sends the same event with tab "messages"; it is left alone.

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { findCommand } from '../../../src/commands/registry.ts';
import type { Reply } from '../../../src/replies/reply.ts';
import type { SlackWho } from '../context.ts';
import { publishHome, refreshHome } from '../home.ts';
import type { ListenerDeps } from './deps.ts';
import { reportError } from './run-for-member.ts';

export function appHomeListener(deps: ListenerDeps) {
  return async ({
    event,
    body,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const who: SlackWho = { teamId: body.team_id, userId: event.user, requestId: null };
    try {
      await publishHome(deps, client, who, true);
    } catch (error) {
      reportError(deps, who, error);
    }
  };
}

/**
 * After a command that writes went through for the member: their Home is refreshed in the
 * background, so the reply is never held up; a failure is reported, nothing more.
 */
export function refreshHomeAfter(
  deps: ListenerDeps,
  client: WebClient,
  who: SlackWho,
  command: string | null,
  reply: Reply,
): void {
  if (!deps.home || reply.kind === 'error' || !findCommand(command ?? 'help')?.writes) return;
  setImmediate(() => {
    refreshHome(deps, client, who).catch((error: unknown) => reportError(deps, who, error));
  });
}
