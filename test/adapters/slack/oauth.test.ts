// Slack OAuth end to end: the real Bolt app on loopback with its installer, a fake Slack Web API
// (oauth.v2.access, auth.test, users.info), and the installations in PGlite and PostgreSQL.
// Install page → state cookie → redirect → oauth.v2.access → installation stored sealed → commands
// from each team authorised with that team's own token → uninstall.

import { LogLevel } from '@slack/bolt';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackAdapter } from '../../../adapters/slack/app.ts';
import type { SlackOAuthConfig } from '../../../adapters/slack/config.ts';
import { BOT_SCOPES } from '../../../adapters/slack/oauth.ts';
import { slackOAuthServices } from '../../../app/slack-oauth.ts';
import type { Database } from '../../../db/database.ts';
import { communities, slackInstallations, slackOAuthStates } from '../../../db/schema.ts';
import { createSlackInstallationStore } from '../../../db/slack-installations.ts';
import { forgetUninstalledCommunities, pendingForget, UNINSTALL_GRACE_DAYS } from '../../../db/slack-uninstalls.ts';
import { createTokenCipher } from '../../../db/token-cipher.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import type { Store } from '../../../src/ports/store.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startFakeServer, type FakeServer } from '../../helpers/fake-http.ts';
import { signedSlackHeaders, TEST_SIGNING_SECRET } from '../../helpers/slack-request.ts';

const OAUTH: SlackOAuthConfig = {
  clientId: '1111.2222',
  clientSecret: 'client-secret-for-tests',
  stateSecret: 'state-secret-for-tests-at-least-32-characters',
  tokenKey: Buffer.alloc(32, 7),
  redirectUrl: null,
};
const AS_OF = '2026-11-22';

/** What the fake Slack hands out for each authorisation code: the team and its bot token. */
const GRANTS: Record<string, { team: string; token: string }> = {
  'code-alpha': { team: 'TALPHA', token: 'xoxb-alpha-0123456789-secret' },
  'code-beta': { team: 'TBETA', token: 'xoxb-beta-9876543210-secret' },
  'code-alpha-again': { team: 'TALPHA', token: 'xoxb-alpha-second-install' },
};

describe.each(databaseKinds)('Slack OAuth on $name', (kind) => {
  let store: Store;
  let db: Database;
  let closeDb: () => Promise<void>;
  let slack: FakeServer;
  let adapter: SlackAdapter;
  let base: string;
  let trigger = 0;
  const errors: unknown[] = [];
  /** What the bot logged (Bolt's and the installer's messages too). */
  const logged: string[] = [];
  const recording: Logger = {
    debug: () => {},
    info: (_fields, message) => void logged.push(`info: ${message}`),
    warn: (_fields, message) => void logged.push(`warn: ${message}`),
    error: (_fields, message) => void logged.push(`error: ${message}`),
    child: () => recording,
  };

  beforeAll(async () => {
    ({ store, db, close: closeDb } = await kind.open());
    slack = await startFakeServer((request) => {
      if (request.path === '/api/oauth.v2.access') {
        const grant = GRANTS[String(request.data?.code)];
        if (!grant || request.data?.client_id !== OAUTH.clientId || request.data?.client_secret !== OAUTH.clientSecret)
          return { json: { ok: false, error: 'invalid_code' } };
        return {
          json: {
            ok: true,
            app_id: 'A0JSS',
            authed_user: { id: `U-installer-${grant.team}` },
            scope: BOT_SCOPES.join(','),
            token_type: 'bot',
            access_token: grant.token,
            bot_user_id: `UBOT-${grant.team}`,
            team: { id: grant.team, name: `Team ${grant.team}` },
            enterprise: null,
            is_enterprise_install: false,
          },
        };
      }
      if (request.path === '/api/auth.test')
        return { json: { ok: true, bot_id: 'B0JSS', user_id: 'UBOT', url: 'https://example.slack.com/' } };
      if (request.path === '/api/users.info')
        return { json: { ok: true, user: { id: String(request.data?.user), is_admin: true, is_owner: false } } };
      if (request.path.startsWith('/api/')) return { json: { ok: true } };
      return { text: 'ok' }; // response_url
    });
    adapter = createSlackApp({
      services: { store, onError: (error) => void errors.push(error) },
      config: {
        signingSecret: TEST_SIGNING_SECRET,
        botToken: null,
        oauth: OAUTH,
        appToken: null,
        port: 0,
        apiUrl: `${slack.url}/api/`,
      },
      oauth: slackOAuthServices(db, OAUTH, recording),
      today: () => AS_OF,
      ackBudgetMs: 2000,
      logLevel: LogLevel.ERROR,
      logger: recording,
    });
    base = `http://127.0.0.1:${await adapter.start()}`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await slack?.close();
    await closeDb?.();
  });

  interface InstallStart {
    page: string;
    state: string;
    cookie: string;
  }

  /** The "Add to Slack" link on the install page. */
  function authorizeLink(page: string): string | undefined {
    return /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  }

  async function openInstallPage(): Promise<InstallStart> {
    const response = await fetch(`${base}/slack/install`);
    expect(response.status).toBe(200);
    const page = await response.text();
    const href = authorizeLink(page);
    if (!href) throw new Error(`no install link on the page: ${page}`);
    const state = new URL(href).searchParams.get('state');
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('slack-app-oauth-state='))
      ?.split(';')[0];
    if (!state || !cookie) throw new Error('the install page gave no state or no state cookie');
    return { page, state, cookie };
  }

  function redirect(code: string, state: string, cookie: string | null) {
    return fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
      headers: cookie ? { cookie } : {},
      redirect: 'manual',
    });
  }

  async function install(code: string): Promise<Response> {
    const { state, cookie } = await openInstallPage();
    return redirect(code, state, cookie);
  }

  const accessCalls = () => slack.requests.filter((request) => request.path === '/api/oauth.v2.access').length;
  const installationRows = () => db.select().from(slackInstallations);

  function slashBody(team: string, text: string, user = 'U1') {
    return new URLSearchParams({
      command: '/jss',
      text,
      team_id: team,
      team_domain: team.toLowerCase(),
      user_id: user,
      user_name: `name-${user}`,
      channel_id: 'C1',
      response_url: `${slack.url}/response/${++trigger}`,
      trigger_id: `trigger-${trigger}`,
    }).toString();
  }

  async function command(team: string, text: string, user = 'U1') {
    const body = slashBody(team, text, user);
    const response = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedSlackHeaders(body), body });
    return { status: response.status, text: await response.text() };
  }

  async function event(team: string, payload: Record<string, unknown>) {
    const body = JSON.stringify({
      token: 'x',
      team_id: team,
      api_app_id: 'A0JSS',
      type: 'event_callback',
      event_id: `Ev${++trigger}`,
      event_time: 1,
      event: payload,
    });
    const response = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders(body, { contentType: 'application/json' }),
      body,
    });
    expect(response.status).toBe(200);
  }

  /** The bearer tokens the fake Slack saw on users.info (the admin check of `config leaderboard:…`). */
  const usersInfoTokens = () =>
    slack.requests
      .filter((request) => request.path === '/api/users.info')
      .map((request) => request.headers.authorization);

  it('serves the "Add to Slack" page with an authorize link: client id, scopes, a signed state, and the state cookie', async () => {
    const { page, state } = await openInstallPage();
    expect(page).toContain('Add to Slack');
    const href = authorizeLink(page) ?? '';
    const link = new URL(href);
    expect(link.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(link.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
    // A new state on each visit.
    expect((await openInstallPage()).state).not.toBe(state);
  });

  it('refuses a forged state, a state without its browser cookie, and a missing code, before any oauth.v2.access', async () => {
    const { state, cookie } = await openInstallPage();
    const before = accessCalls();
    // Forged: the same payload signed with another secret, sent with a matching cookie.
    const [body] = state.split('.');
    const forged = `${body}.${Buffer.from('0'.repeat(32)).toString('base64url')}`;
    expect((await redirect('code-alpha', forged, `slack-app-oauth-state=${forged}`)).status).toBe(400);
    // Genuine state, but not this browser's.
    expect((await redirect('code-alpha', state, null)).status).toBe(400);
    expect((await redirect('code-alpha', state, 'slack-app-oauth-state=someone-else')).status).toBe(400);
    // No code.
    expect(
      (await fetch(`${base}/slack/oauth_redirect?state=${encodeURIComponent(state)}`, { headers: { cookie } })).status,
    ).toBe(400);
    expect(accessCalls()).toBe(before);
    expect(await installationRows()).toEqual([]);
  });

  it('installs a workspace: oauth.v2.access through SLACK_API_URL, the installation stored with its token sealed', async () => {
    const response = await install('code-alpha');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Thank you');
    const access = slack.requests.filter((request) => request.path === '/api/oauth.v2.access').at(-1);
    expect(access?.data).toMatchObject({ code: 'code-alpha', client_id: OAUTH.clientId });
    const rows = await installationRows();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      key: 'T:TALPHA',
      teamId: 'TALPHA',
      teamName: 'Team TALPHA',
      botUserId: 'UBOT-TALPHA',
      botId: 'B0JSS',
      installerUserId: 'U-installer-TALPHA',
      appId: 'A0JSS',
      botScopes: [...BOT_SCOPES],
    });
    // Nothing in the row gives the token away; the key opens it.
    const token = GRANTS['code-alpha']?.token ?? '';
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(Buffer.from(token).toString('base64'));
    expect(createTokenCipher(OAUTH.tokenKey).open(row?.botTokenSealed ?? '', 'T:TALPHA')).toBe(token);
    // Another key does not.
    expect(() => createTokenCipher(Buffer.alloc(32, 8)).open(row?.botTokenSealed ?? '', 'T:TALPHA')).toThrow(
      /does not open/,
    );
  });

  it('refuses a state replayed after its install (same link, same cookie), even within its 10 minutes', async () => {
    const { state, cookie } = await openInstallPage();
    expect((await redirect('code-alpha', state, cookie)).status).toBe(200);
    const calls = accessCalls();
    const replayed = await redirect('code-alpha', state, cookie);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('slack_oauth_invalid_state');
    expect(accessCalls()).toBe(calls);
    // Only its hash is kept.
    const used = await db.select().from(slackOAuthStates);
    expect(used.map((row) => row.stateHash).join()).not.toContain(state.slice(0, 20));
  });

  it('authorises each team with its own token: two workspaces at once', async () => {
    expect((await install('code-beta')).status).toBe(200);
    expect((await installationRows()).map((row) => row.key).sort()).toEqual(['T:TALPHA', 'T:TBETA']);
    const seen = usersInfoTokens().length;
    const [alpha, beta] = await Promise.all([
      command('TALPHA', 'config leaderboard:off', 'UA'),
      command('TBETA', 'config leaderboard:off', 'UB'),
    ]);
    expect(alpha.status).toBe(200);
    expect(beta.status).toBe(200);
    expect(alpha.text).toContain('Community settings');
    expect(beta.text).toContain('Community settings');
    expect(usersInfoTokens().slice(seen).sort()).toEqual(
      [`Bearer ${GRANTS['code-alpha']?.token}`, `Bearer ${GRANTS['code-beta']?.token}`].sort(),
    );
    // Each team's own community changed.
    for (const team of ['TALPHA', 'TBETA'])
      expect((await store.ensureCommunity({ platform: 'slack', externalId: team })).leaderboardEnabled).toBe(false);
    expect(errors).toEqual([]);
  });

  it('answers nothing for a team that never installed the app (no token, no Web API call)', async () => {
    const calls = slack.requests.length;
    const { status, text } = await command('TNEVER', 'config leaderboard:off');
    // Bolt's answer to a request it cannot authorise.
    expect(status).toBe(401);
    expect(text).not.toContain('Community settings');
    expect(slack.requests.length).toBe(calls);
    expect(
      await store.findMember((await store.ensureCommunity({ platform: 'slack', externalId: 'TNEVER' })).id, 'U1'),
    ).toBeNull();
  });

  it("installing again replaces the team's token", async () => {
    expect((await install('code-alpha-again')).status).toBe(200);
    const seen = usersInfoTokens().length;
    await command('TALPHA', 'config leaderboard:on', 'UA');
    expect(usersInfoTokens().slice(seen)).toEqual([`Bearer ${GRANTS['code-alpha-again']?.token}`]);
  });

  it('app_uninstalled deletes the installation at once and schedules the community data for deletion after the grace period', async () => {
    await command(
      'TBETA',
      'add client:"Beta Co" type:fixed start:2026-01-10 end:2026-02-01 earnings:100 stars:5',
      'UB',
    );
    const before = Date.now();
    await event('TBETA', { type: 'app_uninstalled' });
    await vi.waitFor(async () => expect((await installationRows()).map((row) => row.key)).toEqual(['T:TALPHA']));
    const forgetAt = await pendingForget(db, 'TBETA');
    expect(forgetAt?.getTime()).toBeGreaterThanOrEqual(before + UNINSTALL_GRACE_DAYS * 86_400_000 - 1000);
    // A command from the uninstalled team finds no token.
    const calls = slack.requests.length;
    expect((await command('TBETA', 'config leaderboard:on', 'UB')).text).not.toContain('Community settings');
    expect(slack.requests.length).toBe(calls);
    // Within the grace period nothing is deleted; after it, the community and all its members go.
    expect(await forgetUninstalledCommunities(db, new Date(Date.now() + 86_400_000))).toEqual([]);
    const beta = await db.select().from(communities).where(eq(communities.externalId, 'TBETA'));
    expect(beta).toHaveLength(1);
    expect(
      await forgetUninstalledCommunities(db, new Date(Date.now() + (UNINSTALL_GRACE_DAYS + 1) * 86_400_000)),
    ).toEqual(['TBETA']);
    expect(await db.select().from(communities).where(eq(communities.externalId, 'TBETA'))).toEqual([]);
    expect(await pendingForget(db, 'TBETA')).toBeNull();
    // The other team is untouched.
    expect(await db.select().from(communities).where(eq(communities.externalId, 'TALPHA'))).toHaveLength(1);
  });

  it('tokens_revoked for the bot uninstalls too; installing again within the grace period keeps the data', async () => {
    await command(
      'TALPHA',
      'add client:"Alpha Co" type:fixed start:2026-01-10 end:2026-02-01 earnings:100 stars:5',
      'UA',
    );
    // A user token revoked alone changes nothing (the app asks for none).
    await event('TALPHA', { type: 'tokens_revoked', tokens: { oauth: ['UA'], bot: [] } });
    await event('TALPHA', { type: 'tokens_revoked', tokens: { bot: ['UBOT-TALPHA'] } });
    await vi.waitFor(async () => expect(await installationRows()).toEqual([]));
    expect(await pendingForget(db, 'TALPHA')).not.toBeNull();
    expect((await install('code-alpha')).status).toBe(200);
    expect(await pendingForget(db, 'TALPHA')).toBeNull();
    expect(
      await forgetUninstalledCommunities(db, new Date(Date.now() + (UNINSTALL_GRACE_DAYS + 1) * 86_400_000)),
    ).toEqual([]);
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'TALPHA' });
    const member = await store.findMember(community.id, 'UA');
    expect(member && (await store.listContracts(member.id)).map((contract) => contract.client)).toEqual(['Alpha Co']);
  });

  it('the installation store reads what it wrote back whole (Bolt authorize reads it so)', async () => {
    const installations = createSlackInstallationStore(db, createTokenCipher(OAUTH.tokenKey));
    const fetched = await installations.fetchInstallation({
      teamId: 'TALPHA',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched).toMatchObject({
      team: { id: 'TALPHA' },
      bot: { token: GRANTS['code-alpha']?.token, userId: 'UBOT-TALPHA', scopes: [...BOT_SCOPES] },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });
    await expect(
      installations.fetchInstallation({ teamId: 'TNONE', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/no Slack installation/);
  });

  it("an org-wide uninstall (no team in the event) schedules the data of the org's workspaces that used the app", async () => {
    const installations = createSlackInstallationStore(db, createTokenCipher(OAUTH.tokenKey));
    await installations.storeInstallation({
      team: undefined,
      enterprise: { id: 'EORG', name: 'Org' },
      user: { id: 'U-admin', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-org-wide', scopes: [...BOT_SCOPES], id: 'B0ORG', userId: 'UBOT-ORG' },
      isEnterpriseInstall: true,
      authVersion: 'v2',
    });
    // A command from workspace TORG1 of the org, authorised by the org's installation.
    const body = `${slashBody('TORG1', 'add client:"Org Co" type:fixed start:2026-01-10 end:2026-02-01 earnings:100 stars:5', 'UO')}&enterprise_id=EORG&is_enterprise_install=true`;
    const response = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedSlackHeaders(body), body });
    expect(response.status).toBe(200);
    const orgCommunity = await store.ensureCommunity({ platform: 'slack', externalId: 'TORG1' });
    await vi.waitFor(async () => {
      const member = await store.findMember(orgCommunity.id, 'UO');
      expect(member && (await store.listContracts(member.id)).map((contract) => contract.client)).toEqual(['Org Co']);
    });

    const uninstall = JSON.stringify({
      token: 'x',
      enterprise_id: 'EORG',
      is_enterprise_install: true,
      api_app_id: 'A0JSS',
      type: 'event_callback',
      event_id: `Ev${++trigger}`,
      event_time: 1,
      event: { type: 'app_uninstalled' },
    });
    const before = Date.now();
    const answered = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders(uninstall, { contentType: 'application/json' }),
      body: uninstall,
    });
    expect(answered.status).toBe(200);
    await vi.waitFor(async () => expect(await pendingForget(db, 'TORG1')).not.toBeNull());
    expect((await pendingForget(db, 'TORG1'))?.getTime()).toBeGreaterThanOrEqual(
      before + UNINSTALL_GRACE_DAYS * 86_400_000 - 1000,
    );
    expect((await installationRows()).map((row) => row.key)).not.toContain('E:EORG');
    expect(
      await forgetUninstalledCommunities(db, new Date(Date.now() + (UNINSTALL_GRACE_DAYS + 1) * 86_400_000)),
    ).toContain('TORG1');
    expect(await db.select().from(communities).where(eq(communities.externalId, 'TORG1'))).toEqual([]);
  });
});
