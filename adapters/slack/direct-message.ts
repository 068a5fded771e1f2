// A direct message from the bot to one member (daily reminders): chat.postMessage with the user id
// as the channel, which Slack delivers into the member's DM with the app. The message is the
// Block Kit rendering every reply gets (escaped and fitted there), with its text fallback for
// notifications. The Web API base is SLACK_API_URL; posting needs the bot scope chat:write.
// One workspace: the token is SLACK_BOT_TOKEN. OAuth mode (many workspaces): each message goes
// with its member's team's bot token, read from the installations before each run; a team without
// one (uninstalled) gets nothing, never another team's token.

import type { WebClient } from '@slack/web-api';
import type { DirectMessage } from '../../src/ports/direct-message.ts';
import { renderSlackMessage } from './blocks/index.ts';
import type { SlackConfig } from './config.ts';
import { webClientCache } from './web-clients.ts';

export type SlackDirectMessage = DirectMessage;

export interface SlackDirectMessageOptions {
  /** Retries of a failed call (default 2, as the app's client); a retried post may arrive twice. */
  retries?: number;
  /** Web API clients kept at once in OAuth mode (one per token). */
  clientBound?: number;
}

async function post(client: WebClient, userId: string, reply: Parameters<DirectMessage>[1]): Promise<void> {
  const message = renderSlackMessage(reply);
  // The client throws on ok: false (e.g. user_not_found, not_in_channel, missing_scope).
  await client.chat.postMessage({
    channel: userId,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

export function createSlackDirectMessage(
  config: { botToken: string; apiUrl: SlackConfig['apiUrl'] },
  options: SlackDirectMessageOptions = {},
): SlackDirectMessage {
  const client = webClientCache(config.apiUrl, options)(config.botToken);
  return (userId, reply) => post(client, userId, reply);
}

/** Every installed workspace's bot token by team id (app/ reads them from the installation store). */
export type SlackBotTokens = () => Promise<ReadonlyMap<string, string>>;

export function createSlackOAuthDirectMessage(
  config: { botTokens: SlackBotTokens; apiUrl: SlackConfig['apiUrl'] },
  options: SlackDirectMessageOptions = {},
): SlackDirectMessage {
  const clientFor = webClientCache(config.apiUrl, options);
  let tokens: ReadonlyMap<string, string> | null = null;
  const send: SlackDirectMessage = async (userId, reply, teamId) => {
    // Read before the run (prepare), not here: a send runs inside the reminder queue's transaction.
    if (!tokens) throw new Error('Slack installations not read before sending (prepare was not called)');
    const token = tokens.get(teamId);
    if (!token) throw new Error(`no Slack installation for team ${teamId} (uninstalled?); not sent`);
    await post(clientFor(token), userId, reply);
  };
  send.prepare = async () => {
    tokens = await config.botTokens();
  };
  return send;
}
