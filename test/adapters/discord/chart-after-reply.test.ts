// The reply goes out first and the chart follows: with the chart service's render held, the
// deferred response is edited into the reply before any file goes to Discord, and the chart is
// edited in once the render is released; a chart that fails is reported and the reply stands.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/dispatch.ts';
import type { Store } from '../../../src/ports/store.ts';
import { commandContext } from '../../helpers/command-context.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startFakeServer, type FakeServer, type RecordedRequest } from '../../helpers/fake-http.ts';
import { heldCharts, type HeldCharts } from '../../helpers/held-charts.ts';
import { startTestDiscordBot } from '../../helpers/discord-bot.ts';
import {
  discordKeys,
  scoreInteraction,
  signedDiscordHeaders,
  TEST_DISCORD_APP,
} from '../../helpers/discord-request.ts';

const APP = TEST_DISCORD_APP;
const GUILD = '323456789012345678';
const _AS_OF = '2026-11-22';
const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe('Discord: the reply first, the chart after', () => {
  const { privateKey, publicHex } = discordKeys();
  let store: Store;
  let closeDb: () => Promise<void>;
  let discord: FakeServer;
  let sequence = 0;

  beforeAll(async () => {
    ({ store, close: closeDb } = await pglite.open());
    // Answers as Discord's webhook does: the message, as JSON.
    discord = await startFakeServer(() => ({ json: { id: 'message-1', channel_id: 'C1' } }));
    for (const user of ['U-held', 'U-failing']) {
      await runCommandText(
        { store },
        commandContext('discord', GUILD, user),
        'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
      );
    }
  });

  afterAll(async () => {
    await discord.close();
    await closeDb();
  });

  async function botWith(held: HeldCharts, errors: unknown[]) {
    return startTestDiscordBot(
      { store, charts: held.charts, onError: (error) => void errors.push(error) },
      discord.url,
      publicHex,
    );
  }

  /** Sends a signed `/jss score` for `user`; resolves with its interaction token. */
  async function score(endpoint: string, user: string): Promise<string> {
    const id = `${++sequence}`;
    const token = `token-${user}-${id}`;
    const text = JSON.stringify(scoreInteraction(id, token, GUILD, user));
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: signedDiscordHeaders(text, privateKey),
      body: text,
    });
    expect(response.status).toBe(200);
    await response.text();
    return token;
  }

  const editsOf = (token: string) => (request: RecordedRequest) =>
    request.method === 'PATCH' && request.path.includes(`/webhooks/${APP}/${token}/messages/`);

  it('edits the reply in while the chart is still rendering, and the chart once it is ready', async () => {
    const held = heldCharts();
    const errors: unknown[] = [];
    const { bot, endpoint } = await botWith(held, errors);
    try {
      const token = await score(endpoint, 'U-held');
      const reply = await discord.waitFor(editsOf(token));
      expect(reply.body).toContain('score');
      expect(reply.body).not.toContain('forecast.png');
      await expect.poll(() => held.asked).toBe(1);
      expect(discord.requests.filter(editsOf(token))).toHaveLength(1);

      held.release();
      const chart = await discord.waitFor((request) => editsOf(token)(request) && request !== reply);
      expect(discord.requests.indexOf(chart)).toBeGreaterThan(discord.requests.indexOf(reply));
      expect(chart.headers['content-type']).toMatch(/^multipart\/form-data/);
      expect(chart.body).toMatch(/filename="forecast\.png"/);
      expect(errors).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it('a chart that fails is reported, and the reply stands without it', async () => {
    const held = heldCharts(new Error('renderer gone'));
    const errors: unknown[] = [];
    const { bot, endpoint } = await botWith(held, errors);
    try {
      const token = await score(endpoint, 'U-failing');
      const reply = await discord.waitFor(editsOf(token));
      expect(reply.body).toContain('score');
      held.release();
      await expect.poll(() => errors.map(String)).toEqual(['Error: renderer gone']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(discord.requests.filter(editsOf(token))).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});
