import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDirectMessage } from '../../../adapters/slack/direct-message.ts';
import { reply } from '../../../src/replies/reply.ts';
import { startFakeServer, type FakeServer } from '../../helpers/fake-http.ts';

describe('Slack direct messages (fake Slack Web API on loopback)', () => {
  let slack: FakeServer;

  beforeAll(async () => {
    slack = await startFakeServer((request) => {
      if (request.path === '/api/chat.postMessage') {
        return request.data?.channel === 'U-gone'
          ? { json: { ok: false, error: 'user_not_found' } }
          : { json: { ok: true, channel: 'D1', ts: '1.2' } };
      }
      return { json: { ok: false, error: 'unknown_method' } };
    });
  });
  afterAll(async () => slack.close());

  const send = () => createSlackDirectMessage({ botToken: 'xoxb-test', apiUrl: `${slack.url}/api/` }, { retries: 0 });

  it('posts chat.postMessage to the user id, with the bot token, escaped text and Block Kit', async () => {
    const before = slack.requests.length;
    await send()(
      'U123',
      reply('info', 'Your JSS reminders for 2026-11-22', {
        blocks: [{ type: 'list', items: ['<!channel> Acme & Co <@U999> stops counting on 2026-11-23'] }],
      }),
      'T1',
    );
    const posted = slack.requests.slice(before);
    expect(posted.map((request) => request.path)).toEqual(['/api/chat.postMessage']);
    const [request] = posted;
    expect(request?.data?.channel).toBe('U123');
    expect(request?.headers.authorization ?? `Bearer ${String(request?.data?.token)}`).toBe('Bearer xoxb-test');
    expect(request?.data?.text).toBe('Your JSS reminders for 2026-11-22');
    const blocks = JSON.parse(String(request?.data?.blocks)) as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your JSS reminders for 2026-11-22' } });
    const body = JSON.stringify(blocks);
    expect(body).toContain('&lt;!channel&gt; Acme &amp; Co &lt;@U999&gt; stops counting');
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<@U999>');
  });

  it('escapes the notification text too', async () => {
    const before = slack.requests.length;
    await send()('U123', reply('info', 'Reminders for <!here>', { summary: 'A & B' }), 'T1');
    expect(slack.requests[before]?.data?.text).toBe('Reminders for &lt;!here&gt;: A &amp; B');
  });

  it('throws when Slack refuses, so the reminder is recorded as failed', async () => {
    await expect(send()('U-gone', reply('info', 'Reminders'), 'T1')).rejects.toThrow(/user_not_found/);
  });
});
