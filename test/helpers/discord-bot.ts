// The real Discord bot for end-to-end tests: HTTP interactions on a loopback port, its REST calls
// going to a fake Discord API. useDiscordBot sets up the whole session for a describe block (a
// PGlite, the fake API, the bot; all stopped in afterAll); startTestDiscordBot starts one bot for
// tests that want several (each with its own services).

import { afterAll, beforeAll } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/app.ts';
import type { Services } from '../../src/commands/dispatch.ts';
import type { Store } from '../../src/ports/store.ts';
import { TEST_AS_OF } from './command-context.ts';
import { databaseKinds, type OpenedDatabase } from './databases.ts';
import { discordKeys, TEST_DISCORD_APP, type DiscordKeys } from './discord-request.ts';
import { startFakeServer, type FakeResponse, type FakeServer, type RecordedRequest } from './fake-http.ts';

export interface TestDiscordBot {
  bot: DiscordBot;
  /** http://127.0.0.1:<port>/discord/interactions */
  endpoint: string;
}

/** Starts the bot with `services`, verifying with `publicHex`, its REST calls going to `fakeApiUrl`. */
export async function startTestDiscordBot(
  services: Services,
  fakeApiUrl: string,
  publicHex: string,
  today: () => string = () => TEST_AS_OF,
): Promise<TestDiscordBot> {
  const bot = createDiscordBot({
    services,
    config: {
      applicationId: TEST_DISCORD_APP,
      publicKey: publicHex,
      token: null,
      apiUrl: `${fakeApiUrl}/api`,
      port: 0,
      shards: null,
    },
    today,
  });
  return { bot, endpoint: `http://127.0.0.1:${await bot.listen(0)}/discord/interactions` };
}

export interface DiscordSession extends DiscordKeys {
  readonly store: Store;
  /** The fake Discord API: what the bot sent it (follow-ups, edits). */
  readonly discord: FakeServer;
  readonly bot: DiscordBot;
  readonly endpoint: string;
}

/**
 * For the enclosing describe block: a PGlite, the fake Discord API answering with `answer`, and
 * the bot on `services(store)`, started in beforeAll and stopped in afterAll.
 */
export function useDiscordBot(
  answer: (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>,
  services: (store: Store) => Services,
): DiscordSession {
  const keys = discordKeys();
  let database: OpenedDatabase | undefined;
  let discord: FakeServer | undefined;
  let started: TestDiscordBot | undefined;
  beforeAll(async () => {
    const pglite = databaseKinds[0];
    if (!pglite) throw new Error('no database kinds');
    database = await pglite.open();
    discord = await startFakeServer(answer);
    started = await startTestDiscordBot(services(database.store), discord.url, keys.publicHex);
  });
  afterAll(async () => {
    await started?.bot.stop();
    await discord?.close();
    await database?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Discord session starts in beforeAll: read it inside a test');
    return value;
  };
  return {
    ...keys,
    get store() {
      return ready(database).store;
    },
    get discord() {
      return ready(discord);
    },
    get bot() {
      return ready(started).bot;
    },
    get endpoint() {
      return ready(started).endpoint;
    },
  };
}
