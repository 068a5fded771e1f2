// Bug: in adapters/slack/app.ts answer(), `work` (users.info admin check + command) rejects when
// users.info fails (missing users:read scope, rate limit, network). Promise.race then rejects
// before ack() is called, so Slack gets no acknowledgement (Bolt answers 500 / dispatch_failed)
// and the member gets no reply at all, instead of the polite "had a problem" reply.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createSlackApp, type SlackAdapter } from '../../adapters/slack/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.ts';

const SECRET = 'review-secret';
const pglite = databaseKinds[0]!;

function signed(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(ts), 'content-type': 'application/x-www-form-urlencoded' };
}

describe('Slack: a failing users.info (admin check) for config', () => {
  let closeDb: () => Promise<void>;
  let slack: FakeServer;
  let adapter: SlackAdapter;
  let endpoint: string;

  beforeAll(async () => {
    const opened = await pglite.open();
    closeDb = opened.close;
    slack = await startFakeServer((request) => {
      if (request.path === '/api/users.info') return { json: { ok: false, error: 'missing_scope' } };
      if (request.path.startsWith('/api/')) return { json: { ok: true } };
      return { text: 'ok' };
    });
    adapter = createSlackApp({
      services: { store: opened.store },
      config: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: null, port: 0, apiUrl: `${slack.url}/api/` },
      today: () => '2026-11-22',
      ackBudgetMs: 1500,
      logLevel: LogLevel.ERROR,
    });
    endpoint = `http://127.0.0.1:${await adapter.start()}/slack/events`;
  });
  afterAll(async () => {
    await adapter.stop();
    await slack.close();
    await closeDb();
  });

  it('still acknowledges the command with a reply (not a 500 / dispatch_failed)', async () => {
    const body = new URLSearchParams({
      command: '/jss', text: 'config leaderboard:off', team_id: 'T1', team_domain: 't', user_id: 'U1', user_name: 'u1',
      channel_id: 'C1', response_url: `${slack.url}/response/1`, trigger_id: 'trig-1',
    }).toString();
    const response = await fetch(endpoint, { method: 'POST', headers: signed(body), body });
    const text = await response.text();
    expect(response.status).toBe(200);
    // Either the reply is in the ack, or it follows at response_url.
    const inAck = text.includes('response_type');
    const followed = inAck || (await slack.waitFor((r) => r.path === '/response/1', 2500).then(() => true, () => false));
    expect(followed).toBe(true);
  });
});
