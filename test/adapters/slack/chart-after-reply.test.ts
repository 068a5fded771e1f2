// The reply goes out first and the chart follows: with the chart service's render held, the
// member's reply reaches Slack (response_url) before any upload starts, and the upload follows
// once the render is released; a chart that fails is reported and the reply stands.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandText } from '../../../src/commands/dispatch.ts';
import type { Store } from '../../../src/ports/store.ts';
import { commandContext } from '../../helpers/command-context.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startFakeServer, type FakeServer, type RecordedRequest } from '../../helpers/fake-http.ts';
import { heldCharts, type HeldCharts } from '../../helpers/held-charts.ts';
import { startTestSlackApp, type TestSlackApp } from '../../helpers/slack-app.ts';
import { signedSlackHeaders } from '../../helpers/slack-request.ts';

const AS_OF = '2026-11-22';
const TEAM = 'T0CHART';
const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe('Slack: the reply first, the chart after', () => {
  let store: Store;
  let closeDb: () => Promise<void>;
  let slack: FakeServer;
  let sequence = 0;

  beforeAll(async () => {
    ({ store, close: closeDb } = await pglite.open());
    // Answers as Slack's Web API does, so uploads succeed.
    slack = await startFakeServer((request: RecordedRequest) => {
      if (request.path === '/api/conversations.open')
        return { json: { ok: true, channel: { id: `D-${String(request.data?.users)}` } } };
      if (request.path === '/api/files.getUploadURLExternal')
        return { json: { ok: true, upload_url: `${slack.url}/upload/${++sequence}`, file_id: `F${sequence}` } };
      if (request.path === '/api/files.completeUploadExternal')
        return { json: { ok: true, files: [{ id: 'F1', title: 'forecast.png' }] } };
      if (request.path.startsWith('/api/')) return { json: { ok: true } };
      return { text: 'ok' }; // response_url, the upload itself
    });
    for (const user of ['U-held', 'U-failing']) {
      await runCommandText(
        { store },
        commandContext('slack', TEAM, user),
        'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
      );
    }
  });

  afterAll(async () => {
    await slack.close();
    await closeDb();
  });

  /** A Slack app whose charts come from `held`; its reply goes through response_url (no ack budget). */
  async function appWith(held: HeldCharts, errors: unknown[]): Promise<TestSlackApp> {
    return startTestSlackApp({ store, charts: held.charts, onError: (error) => void errors.push(error) }, slack.url, {
      today: () => AS_OF,
      ackBudgetMs: 0,
    });
  }

  async function score(endpoint: string, user: string): Promise<string> {
    const responsePath = `/response/${user}-${++sequence}`;
    const body = new URLSearchParams({
      command: '/jss',
      text: 'score',
      team_id: TEAM,
      team_domain: 'chart',
      user_id: user,
      user_name: user,
      channel_id: 'C1',
      response_url: `${slack.url}${responsePath}`,
      trigger_id: `t-${sequence}`,
    }).toString();
    const response = await fetch(endpoint, { method: 'POST', headers: signedSlackHeaders(body), body });
    expect(response.status).toBe(200);
    await response.text();
    return responsePath;
  }

  const uploadsTo = (user: string) => (request: RecordedRequest) =>
    request.path === '/api/files.completeUploadExternal' && String(request.body).includes(`D-${user}`);

  it('sends the reply while the chart is still rendering, and uploads the chart when it is ready', async () => {
    const held = heldCharts();
    const errors: unknown[] = [];
    const { adapter, endpoint } = await appWith(held, errors);
    try {
      const responsePath = await score(endpoint, 'U-held');
      const reply = await slack.waitFor((request) => request.path === responsePath);
      expect(JSON.stringify(reply.data)).toContain('score');
      // The render was asked for and is held: nothing of the chart has gone to Slack.
      await expect.poll(() => held.asked).toBe(1);
      expect(slack.requests.filter((request) => request.path.startsWith('/api/files.'))).toEqual([]);

      held.release();
      const completed = await slack.waitFor(uploadsTo('U-held'));
      const uploadStarted = slack.requests.findIndex((request) => request.path === '/api/files.getUploadURLExternal');
      expect(uploadStarted).toBeGreaterThan(slack.requests.indexOf(reply));
      expect(slack.requests.some((request) => request.path.startsWith('/upload/'))).toBe(true);
      expect(completed.body).toContain('forecast.png');

      // The next chart goes to the same DM channel without opening it again.
      const uploads = () => slack.requests.filter(uploadsTo('U-held')).length;
      await score(endpoint, 'U-held');
      await expect.poll(uploads).toBe(2);
      expect(slack.requests.filter((request) => request.path === '/api/conversations.open')).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await adapter.stop();
    }
  });

  it('a chart that fails is reported, and the reply stands without it', async () => {
    const held = heldCharts(new Error('renderer gone'));
    const errors: unknown[] = [];
    const { adapter, endpoint } = await appWith(held, errors);
    const before = slack.requests.length;
    try {
      const responsePath = await score(endpoint, 'U-failing');
      const reply = await slack.waitFor((request) => request.path === responsePath);
      expect(JSON.stringify(reply.data)).toContain('score');
      held.release();
      await expect.poll(() => errors.map(String)).toEqual(['Error: renderer gone']);
      // No upload of a chart was started for the failed one.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(slack.requests.slice(before).filter((request) => request.path.startsWith('/api/files.'))).toEqual([]);
    } finally {
      await adapter.stop();
    }
  });
});
