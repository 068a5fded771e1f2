// Slack reminders in OAuth mode, end to end on both drivers: the reminder schedule, the queue, the
// installations in the database (tokens sealed) and the Slack sender against a fake Slack Web API.
// Each member's reminder goes with their own team's bot token (an org-wide installation's for the
// teams it served); a team without an installation gets nothing and its row says why.

import { PassThrough } from 'node:stream';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directMessagesOf } from '../../../app/direct-messages.ts';
import { createReminderQueue } from '../../../db/reminder-queue.ts';
import { createSlackInstallationStore, type SlackInstallationStore } from '../../../db/slack-installations.ts';
import { recordUninstall } from '../../../db/slack-uninstalls.ts';
import { createTokenCipher } from '../../../db/token-cipher.ts';
import { silentLogger } from '../../../src/ports/logger.ts';
import type { Member } from '../../../src/ports/store.ts';
import type { ReminderSummary } from '../../../src/reminders/job.ts';
import { startReminderSchedule } from '../../../src/reminders/schedule.ts';
import { databaseKinds, type OpenedDatabase } from '../../helpers/databases.ts';
import { startFakeServer, type FakeServer } from '../../helpers/fake-http.ts';
import { alwaysFind, deliveryRow, member } from '../../reminders/helpers.ts';

const DAY = '2026-11-30';
const TOKEN_KEY = Buffer.alloc(32, 7);
const cipher = createTokenCipher(TOKEN_KEY);

function install(where: { team?: string; enterprise?: string }, token: string): Installation {
  return {
    team: where.team ? { id: where.team, name: where.team } : undefined,
    enterprise: where.enterprise ? { id: where.enterprise, name: where.enterprise } : undefined,
    user: { id: 'U-installer', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write'], id: 'B1', userId: 'UBOT' },
    tokenType: 'bot',
    isEnterpriseInstall: where.team === undefined,
    authVersion: 'v2',
  } as Installation;
}

describe.each(databaseKinds)('Slack reminders in OAuth mode on $name', (kind) => {
  let opened: OpenedDatabase;
  let installations: SlackInstallationStore;
  let slack: FakeServer;

  beforeAll(async () => {
    opened = await kind.open();
    installations = createSlackInstallationStore(opened.db, cipher);
    slack = await startFakeServer((request) =>
      request.path === '/api/chat.postMessage'
        ? { json: { ok: true, channel: 'D1', ts: '1.2' } }
        : { json: { ok: false, error: 'unknown_method' } },
    );
  });
  afterAll(async () => {
    await slack.close();
    await opened.close();
  });

  /** One scheduled run for DAY with the senders app/main.ts makes in OAuth mode (PGlite: batches of one); its summary. */
  async function runOnce(): Promise<ReminderSummary> {
    const slackSettings = {
      signingSecret: 'secret',
      botToken: null,
      appToken: null,
      port: 0,
      apiUrl: `${slack.url}/api/`,
      oauth: { clientId: '1.2', clientSecret: 'c', stateSecret: 's', tokenKey: TOKEN_KEY, redirectUrl: null },
    };
    const senders = await directMessagesOf(
      { slack: slackSettings, discord: null },
      new PassThrough(),
      silentLogger,
      opened.db,
    );
    let stop: () => Promise<void> = async () => {};
    const summary = await new Promise<ReminderSummary>((resolve, reject) => {
      stop = startReminderSchedule({
        queue: createReminderQueue(opened.db),
        senders,
        pinnedDay: DAY,
        hour: 0,
        find: alwaysFind,
        ...(kind.name === 'pglite' && { batchSize: 1 }),
        log: (message) => {
          if (message.startsWith('reminders failed')) reject(new Error(message));
        },
        onRun: (_day, result) => resolve(result),
      });
    });
    await stop();
    return summary;
  }

  /** Who each chat.postMessage went to, with the token it carried. */
  function postsSince(before: number): { channel: string; token: string }[] {
    return slack.requests.slice(before).map((request) => ({
      channel: String(request.data?.channel),
      token: request.headers.authorization ?? `Bearer ${String(request.data?.token)}`,
    }));
  }

  it("sends each member's reminder with their own team's token; an uninstalled team's member gets nothing", async () => {
    await installations.storeInstallation(install({ team: 'TA' }, 'xoxb-team-a'));
    await installations.storeInstallation(install({ team: 'TB' }, 'xoxb-team-b'));
    await installations.storeInstallation(install({ team: 'TGONE' }, 'xoxb-gone'));
    await recordUninstall(opened.db, { teamId: 'TGONE', enterpriseId: null, isEnterpriseInstall: false }, new Date());
    const inA: Member[] = [];
    const inB: Member[] = [];
    for (let i = 0; i < 3; i++) {
      inA.push(await member(opened.store, { community: 'TA' }));
      inB.push(await member(opened.store, { community: 'TB' }));
    }
    const gone = await member(opened.store, { community: 'TGONE' });
    const never = await member(opened.store, { community: 'TNEVER' });

    const before = slack.requests.length;
    const summary = await runOnce();

    expect(summary).toMatchObject({ sent: 6, failed: 2 });
    const posts = postsSince(before);
    expect(posts).toHaveLength(6);
    const tokenOf = new Map(posts.map((post) => [post.channel, post.token]));
    for (const m of inA) expect(tokenOf.get(m.platformUserId)).toBe('Bearer xoxb-team-a');
    for (const m of inB) expect(tokenOf.get(m.platformUserId)).toBe('Bearer xoxb-team-b');
    expect(tokenOf.has(gone.platformUserId)).toBe(false);
    expect(tokenOf.has(never.platformUserId)).toBe(false);
    for (const [m, team] of [
      [gone, 'TGONE'],
      [never, 'TNEVER'],
    ] as const) {
      const row = await deliveryRow(opened.db, m.id, DAY);
      expect(row?.status).toBe('failed');
      expect(row?.lastError).toContain(`no Slack installation for team ${team}`);
    }
  });

  it('sends with the org-wide installation to a workspace it served, and a team that installs again gets its reminder', async () => {
    await installations.storeInstallation(install({ enterprise: 'E1' }, 'xoxb-org'));
    // Bolt authorising a request from workspace TORG of org E1 records that the org serves it.
    await installations.fetchInstallation({ teamId: 'TORG', enterpriseId: 'E1', isEnterpriseInstall: false });
    const inOrg = await member(opened.store, { community: 'TORG' });
    const before = slack.requests.length;
    await installations.storeInstallation(install({ team: 'TGONE' }, 'xoxb-back'));

    await runOnce();

    const tokenOf = new Map(postsSince(before).map((post) => [post.channel, post.token]));
    expect(tokenOf.get(inOrg.platformUserId)).toBe('Bearer xoxb-org');
    // The failed reminder of the first test is tried again, now with the team's new token.
    expect([...tokenOf.values()].filter((token) => token === 'Bearer xoxb-back')).toHaveLength(1);
    expect([...tokenOf.values()].every((token) => ['Bearer xoxb-org', 'Bearer xoxb-back'].includes(token))).toBe(true);
  });
});
