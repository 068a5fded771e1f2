// npm run bench:slack — signed `/jss score` requests to the real Slack app on a real PostgreSQL,
// at 1, 10 and 50 concurrent: the time until the member has the reply (in the ack, or at
// response_url), p50 and p99, and requests per second; beside a bare Bolt app that only acks,
// in the same run, as a ratio. Needs TEST_DATABASE_URL (or DATABASE_URL) naming a server.

import { createHmac } from 'node:crypto';
import { App, LogLevel } from '@slack/bolt';
import { createSlackApp } from '../adapters/slack/app.ts';
import { startFakeServer } from '../test/helpers/fake-http.ts';
import { AS_OF, compareLevels, seededDatabase } from './load.ts';

const SECRET = 'bench-secret';
const TEAM = 'TBENCH';

const database = await seededDatabase('slack', TEAM, 7);

// The fake Slack side: a reply that missed the ack arrives as a POST to its response_url.
let sequence = 0;
const pending = new Map<string, () => void>();
const responses = await startFakeServer((request) => {
  pending.get(request.path)?.();
  pending.delete(request.path);
  return { text: 'ok' };
});

const adapter = createSlackApp({
  services: { store: database.store },
  config: { signingSecret: SECRET, botToken: 'xoxb-bench', appToken: null, port: 0, apiUrl: `${responses.url}/api/` },
  today: () => AS_OF,
});
const appPort = (await adapter.start()) as number;

const bare = new App({
  signingSecret: SECRET,
  authorize: async () => ({ botToken: 'xoxb-bench' }),
  port: 0,
  logLevel: LogLevel.ERROR,
});
bare.command('/jss', async ({ ack }) => ack());
const barePort = ((await bare.start(0)) as unknown as { address(): { port: number } }).address().port;

/** Milliseconds until the member has the reply: the ack's body, or the call to response_url. */
function sender(port: number, replyExpected: boolean) {
  return async (user: string): Promise<number> => {
    const id = ++sequence;
    const path = `/response/${id}`;
    const body = new URLSearchParams({
      command: '/jss',
      text: 'score',
      team_id: TEAM,
      team_domain: 'bench',
      user_id: user,
      user_name: user,
      channel_id: 'C1',
      response_url: `${responses.url}${path}`,
      trigger_id: `bench-${id}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const started = performance.now();
    const followUp = new Promise<void>((resolve) => pending.set(path, resolve));
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': signature,
        'x-slack-request-timestamp': String(timestamp),
      },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
    if (replyExpected && text === '') await followUp;
    pending.delete(path);
    return performance.now() - started;
  };
}

await compareLevels(sender(appPort, true), sender(barePort, false), 'time until the member has the reply');
await adapter.stop();
await bare.stop();
await responses.close();
await database.close();
