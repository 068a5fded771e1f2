// A direct message from the bot to one member (daily reminders): chat.postMessage with the user id
// as the channel, which Slack delivers into the member's DM with the app. The message is the
// Block Kit rendering every reply gets (escaped and fitted there), with its text fallback for
// notifications. The token and the Web API base come from the Slack settings the app uses
// (SLACK_BOT_TOKEN, SLACK_API_URL); posting needs the bot scope chat:write.

import { webApi } from '@slack/bolt';
import type { DirectMessage } from '../../src/ports/direct-message.ts';
import { renderSlackMessage } from './blocks/index.ts';
import type { SlackConfig } from './config.ts';
import { webApiFetch } from './web-api-fetch.ts';

export type SlackDirectMessage = DirectMessage;

export interface SlackDirectMessageOptions {
  /** Retries of a failed call (default 2, as the app's client); a retried post may arrive twice. */
  retries?: number;
}

export function createSlackDirectMessage(
  config: { botToken: string; apiUrl: SlackConfig['apiUrl'] },
  options: SlackDirectMessageOptions = {},
): SlackDirectMessage {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    retryConfig: { retries: options.retries ?? 2 },
    logLevel: webApi.LogLevel.WARN,
    fetch: webApiFetch,
  });
  return async (userId, reply) => {
    const message = renderSlackMessage(reply);
    // The client throws on ok: false (e.g. user_not_found, not_in_channel, missing_scope).
    await client.chat.postMessage({
      channel: userId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
