// Bug: adapters/slack/app.ts answers a modal submission with resultView(title, escapeMrkdwn(renderText(reply)))
// — the whole reply in ONE mrkdwn section, never fitted to Slack's 3000-character section limit
// (the slash-command path fits replies; this path does not). An `end` form for an unknown id
// answers "you have no contract …; your contracts are <every id>", so a member with many contracts
// gets a view Slack refuses (invalid_arguments): the modal shows a generic error, no reply.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createSlackApp, type SlackAdapter } from '../../adapters/slack/app.ts';
import type { Store } from '../../src/ports/store.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.ts';

const SECRET = 'review-secret';
const SECTION_TEXT_MAX = 3000;
const pglite = databaseKinds[0]!;

function signed(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(ts), 'content-type': 'application/x-www-form-urlencoded' };
}

describe('Slack: the end form for an unknown id, for a member with many contracts', () => {
  let store: Store;
  let closeDb: () => Promise<void>;
  let slack: FakeServer;
  let adapter: SlackAdapter;
  let endpoint: string;

  beforeAll(async () => {
    ({ store, close: closeDb } = await pglite.open());
    slack = await startFakeServer(() => ({ json: { ok: true } }));
    adapter = createSlackApp({
      services: { store },
      config: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: null, port: 0, apiUrl: `${slack.url}/api/` },
      today: () => '2026-11-22',
      logLevel: LogLevel.ERROR,
    });
    endpoint = `http://127.0.0.1:${await adapter.start()}/slack/events`;
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T1' });
    const member = await store.ensureMember(community.id, 'U1', 'u1');
    for (let i = 0; i < 150; i++) {
      await store.insertContract(member.id, { id: `contract-with-a-long-id-${String(i).padStart(4, '0')}`, client: `Client ${i}`, type: 'fixed', start: '2026-01-01', end: '2026-02-01', earnings: 100, stars: 5 });
    }
  });
  afterAll(async () => {
    await adapter.stop();
    await slack.close();
    await closeDb();
  });

  it('answers with a view whose sections fit Slack limits', async () => {
    const payload = {
      type: 'view_submission', team: { id: 'T1', domain: 't' }, user: { id: 'U1', name: 'u1', team_id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: 't1',
      view: { id: 'V1', hash: 'h1', type: 'modal', callback_id: 'jss_end', private_metadata: 'nope', blocks: [], state: { values: {} }, team_id: 'T1', app_id: 'A1' },
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await fetch(endpoint, { method: 'POST', headers: signed(body), body });
    expect(response.status).toBe(200);
    const ack = JSON.parse(await response.text()) as { view?: { blocks: { text?: { text: string } }[] } };
    const longest = Math.max(...(ack.view?.blocks ?? []).map((block) => block.text?.text.length ?? 0));
    expect(longest).toBeLessThanOrEqual(SECTION_TEXT_MAX);
  });
});
