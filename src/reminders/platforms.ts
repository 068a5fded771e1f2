// The direct-message senders this instance has, from the environment: the console always, Slack
// with its bot settings, Discord with a bot token. Like src/main.ts, this is where the platforms
// are put together; the job and the schedule know none of them.

import type { Writable } from 'node:stream';
import { createConsoleDirectMessage } from '../../adapters/console/direct-message.ts';
import { discordConfigFromEnv } from '../../adapters/discord/config.ts';
import { createDiscordDirectMessage, DIRECT_MESSAGES_NEED_TOKEN } from '../../adapters/discord/direct-message.ts';
import { slackConfigFromEnv } from '../../adapters/slack/config.ts';
import { createSlackDirectMessage } from '../../adapters/slack/direct-message.ts';
import type { DirectMessages } from './senders.ts';

export function directMessagesFromEnv(env: NodeJS.ProcessEnv, output: Writable, log: (message: string) => void): DirectMessages {
  const senders: DirectMessages = { console: createConsoleDirectMessage(output) };
  const slack = slackConfigFromEnv(env);
  if (slack) senders.slack = createSlackDirectMessage(slack);
  const discord = discordConfigFromEnv(env);
  const discordSender = discord ? createDiscordDirectMessage(discord) : null;
  if (discordSender) senders.discord = discordSender;
  // Said once, at start: Discord members' reminders wait for an instance that has the token.
  else if (discord) log(`${DIRECT_MESSAGES_NEED_TOKEN}; Discord members get no reminders from this instance`);
  return senders;
}
