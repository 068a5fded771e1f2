import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDirectMessage } from '../../../adapters/discord/direct-message.ts';
import { ZERO_WIDTH_SPACE } from '../../../adapters/discord/render/index.ts';
import { reply } from '../../../src/replies/reply.ts';
import { startFakeServer, type FakeServer } from '../../helpers/fake-http.ts';

describe('Discord direct messages (fake Discord REST API on loopback)', () => {
  let discord: FakeServer;

  beforeAll(async () => {
    discord = await startFakeServer((request) => {
      if (request.method === 'POST' && request.path === '/api/v10/users/@me/channels') {
        const recipient = String(request.data?.recipient_id ?? '');
        return recipient === '999'
          ? { status: 403, json: { code: 50007, message: 'Cannot send messages to this user' } }
          : { json: { id: `dm-${recipient}`, type: 1 } };
      }
      if (request.method === 'POST' && /^\/api\/v10\/channels\/[^/]+\/messages$/.test(request.path))
        return { json: { id: 'message-1' } };
      return { status: 404, json: { code: 0, message: 'not here' } };
    });
  });
  afterAll(async () => discord.close());

  const send = () => {
    const sender = createDiscordDirectMessage({ token: 'bot-token', apiUrl: `${discord.url}/api` });
    if (!sender) throw new Error('no sender with a token');
    return sender;
  };

  it('opens the DM channel, then posts the embeds there with parse: [] and the bot token', async () => {
    const before = discord.requests.length;
    await send()(
      '123456789012345678',
      reply('info', 'Your JSS reminders for 2026-11-22', {
        blocks: [{ type: 'list', items: ['@everyone **Acme** <@1> stops counting on 2026-11-23'] }],
        actions: [{ label: 'Score', command: 'score' }],
      }),
      'guild-1',
    );
    const calls = discord.requests.slice(before);
    expect(calls.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/v10/users/@me/channels',
      'POST /api/v10/channels/dm-123456789012345678/messages',
    ]);
    const [open, message] = calls;
    expect(open?.data).toEqual({ recipient_id: '123456789012345678' });
    for (const call of calls) expect(call.headers.authorization).toBe('Bot bot-token');
    expect(message?.data?.allowed_mentions).toEqual({ parse: [] });
    // A DM is no interaction reply: not ephemeral, and no buttons (they would run in the DM space).
    expect(message?.data?.flags).toBeUndefined();
    expect(message?.data?.components).toEqual([]);
    const embeds = message?.data?.embeds as { title?: string; description?: string }[];
    expect(embeds[0]?.title).toBe('Your JSS reminders for 2026-11-22');
    expect(embeds[0]?.description).toContain(`@${ZERO_WIDTH_SPACE}everyone \\*\\*Acme\\*\\* \\<@1> stops counting`);
  });

  it('throws when Discord refuses, so the reminder is recorded as failed', async () => {
    await expect(send()('999', reply('info', 'Reminders'), 'guild-1')).rejects.toThrow(
      /Cannot send messages to this user/,
    );
  });

  it('is off without a bot token', () => {
    expect(createDiscordDirectMessage({ token: null, apiUrl: null })).toBeNull();
  });
});
