// The direct-message senders this instance has: the console always, Slack with its settings,
// Discord with a bot token. Slack in OAuth mode reads each team's token from the installations in
// the database. Platform modules are loaded only when configured, so a console bot
// never pays for Bolt or discord.js.

import type { Writable } from 'node:stream';
import { createConsoleDirectMessage } from '../adapters/console/direct-message.ts';
import type { Database } from '../db/database.ts';
import { createSlackInstallationStore } from '../db/slack-installations.ts';
import { createTokenCipher } from '../db/token-cipher.ts';
import type { Logger } from '../src/ports/logger.ts';
import type { DirectMessages } from '../src/ports/direct-message.ts';
import type { Settings } from './settings/read.ts';

export async function directMessagesOf(
  settings: Pick<Settings, 'slack' | 'discord'>,
  output: Writable,
  logger: Logger,
  /** The database: the Slack installations, in OAuth mode. */
  db?: Database,
): Promise<DirectMessages> {
  const senders: DirectMessages = { console: createConsoleDirectMessage(output) };
  if (settings.slack?.botToken) {
    const { createSlackDirectMessage } = await import('../adapters/slack/direct-message.ts');
    senders.slack = createSlackDirectMessage({ botToken: settings.slack.botToken, apiUrl: settings.slack.apiUrl });
  } else if (settings.slack?.oauth) {
    if (!db) throw new Error('Slack OAuth mode needs the database for its installations');
    // OAuth mode: each member's team's bot token, from the installations (tokens opened with SLACK_TOKEN_KEY).
    const { createSlackOAuthDirectMessage } = await import('../adapters/slack/direct-message.ts');
    const installations = createSlackInstallationStore(db, createTokenCipher(settings.slack.oauth.tokenKey));
    senders.slack = createSlackOAuthDirectMessage({
      botTokens: () => installations.botTokensByTeam(),
      apiUrl: settings.slack.apiUrl,
    });
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
