// The guard screens POST /slack/events only: the routes sharing the server (Discord's endpoint)
// and what Bolt itself answers reach Bolt as before.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackAdapter } from '../../../adapters/slack/app.ts';
import type { Store } from '../../../src/ports/store.ts';

describe('the guarded HTTP receiver', () => {
  let adapter: SlackAdapter;
  let base: string;

  beforeAll(async () => {
    adapter = createSlackApp({
      services: { store: {} as Store },
      config: {
        signingSecret: 'secret',
        botToken: 'xoxb-test',
        appToken: null,
        port: 0,
        apiUrl: 'http://127.0.0.1:9/api/',
      },
      today: () => '2026-11-22',
      extraRoutes: [
        {
          path: '/discord/interactions',
          method: 'POST',
          handler: (_request, response) => (response.writeHead(202), response.end('discord')),
        },
      ],
    });
    base = `http://127.0.0.1:${await adapter.start()}`;
  });

  afterAll(() => adapter.stop());

  it('passes a shared route through untouched (no Slack signature asked for)', async () => {
    const response = await fetch(`${base}/discord/interactions`, { method: 'POST', body: 'null' });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('discord');
  });

  it('leaves other paths and methods to Bolt (404)', async () => {
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: 'null' })).status).toBe(404);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  });

  it('screens /slack/events with a query string too', async () => {
    expect((await fetch(`${base}/slack/events?x=1`, { method: 'POST', body: 'payload=null' })).status).toBe(401);
  });
});

describe('Socket Mode', () => {
  it('builds the app on the guarded Socket Mode receiver (nothing connects until start)', () => {
    const adapter = createSlackApp({
      services: { store: {} as Store },
      config: { signingSecret: 'secret', botToken: 'xoxb-test', appToken: 'xapp-test', port: 0, apiUrl: null },
      today: () => '2026-11-22',
    });
    expect(adapter.app).toBeDefined();
  });
});
