// The direct-message senders this instance has: the console always, Slack with its settings,
// Discord with a bot token. Platform modules are loaded only when configured, so a console bot
// never pays for Bolt or discord.js.

import type { Writable } from 'node:stream';
import { createConsoleDirectMessage } from '../adapters/console/direct-message.ts';
import type { Logger } from '../src/ports/logger.ts';
import type { DirectMessages } from '../src/ports/direct-message.ts';
import type { Settings } from './settings/read.ts';

export async function directMessagesOf(
  settings: Pick<Settings, 'slack' | 'discord'>,
  output: Writable,
  logger: Logger,
): Promise<DirectMessages> {
  const senders: DirectMessages = { console: createConsoleDirectMessage(output) };
  if (settings.slack?.botToken) {
    const { createSlackDirectMessage } = await import('../adapters/slack/direct-message.ts');
    senders.slack = createSlackDirectMessage({ botToken: settings.slack.botToken, apiUrl: settings.slack.apiUrl });
  } else if (settings.slack) {
    // A reminder names the member only, not their workspace, so it cannot pick the team's token yet.
    logger.warn(
      {},
      'Slack reminders need SLACK_BOT_TOKEN (one workspace); in OAuth mode Slack members get no reminders from this instance yet',
    );
  }
  if (settings.discord) {
    const { createDiscordDirectMessage, DIRECT_MESSAGES_NEED_TOKEN } = await import(
      '../adapters/discord/direct-message.ts'
    );
    const sender = createDiscordDirectMessage(settings.discord);
    if (sender) senders.discord = sender;
    // Said once, at start: Discord members' reminders wait for an instance that has the token.
    else logger.warn({}, `${DIRECT_MESSAGES_NEED_TOKEN}; Discord members get no reminders from this instance`);
  }
  return senders;
}
