// Slack installations, used states and uninstalls in the database, on both drivers: an org-wide
// install serves its workspaces (and its uninstall schedules their data for deletion), a sealed
// token moved to another row does not open, a state is used once even when two redirects race,
// and uninstall events repeat harmlessly.

import { eq } from 'drizzle-orm';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { communities, slackInstallations } from '../../db/schema.ts';
import { createSlackInstallationStore, type SlackInstallationStore } from '../../db/slack-installations.ts';
import { useStateOnce } from '../../db/slack-oauth-states.ts';
import {
  forgetUninstalledCommunities,
  pendingForget,
  recordUninstall,
  UNINSTALL_GRACE_DAYS,
} from '../../db/slack-uninstalls.ts';
import { createTokenCipher } from '../../db/token-cipher.ts';
import { databaseKinds } from '../helpers/databases.ts';

const cipher = createTokenCipher(Buffer.alloc(32, 3));

function orgInstall(enterprise: string, token: string): Installation {
  return {
    team: undefined,
    enterprise: { id: enterprise, name: 'Org' },
    user: { id: 'U-admin', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands'], id: 'B1', userId: 'UBOT' },
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

function teamInstall(team: string, token: string): Installation {
  return {
    team: { id: team, name: team },
    enterprise: undefined,
    user: { id: 'U-installer', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands'], id: 'B1', userId: 'UBOT' },
    appId: 'A1',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

describe.each(databaseKinds)('Slack installations on $name', (kind) => {
  let db: Database;
  let close: () => Promise<void>;
  let installations: SlackInstallationStore;

  beforeAll(async () => {
    ({ db, close } = await kind.open());
    installations = createSlackInstallationStore(db, cipher);
  });
  afterAll(async () => close());

  it('serves a workspace of an org that installed org-wide from the org row', async () => {
    await installations.storeInstallation({
      team: undefined,
      enterprise: { id: 'E1', name: 'Org' },
      user: { id: 'U-admin', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-org', scopes: ['commands'], id: 'B1', userId: 'UBOT' },
      isEnterpriseInstall: true,
      enterpriseUrl: 'https://org.enterprise.slack.com/',
      authVersion: 'v2',
    });
    expect(
      (await installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).bot
        ?.token,
    ).toBe('xoxb-org');
    expect(
      (await installations.fetchInstallation({ teamId: 'T-in-org', enterpriseId: 'E1', isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe('xoxb-org');
    await recordUninstall(db, { teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true }, new Date());
    await expect(
      installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true }),
    ).rejects.toThrow(/no Slack installation/);
  });

  it("does not open a team's sealed token copied onto another team's row", async () => {
    await installations.storeInstallation(teamInstall('TA', 'xoxb-a'));
    await installations.storeInstallation(teamInstall('TB', 'xoxb-b'));
    const [a] = await db.select().from(slackInstallations).where(eq(slackInstallations.key, 'T:TA'));
    await db
      .update(slackInstallations)
      .set({ botTokenSealed: a?.botTokenSealed ?? null })
      .where(eq(slackInstallations.key, 'T:TB'));
    await expect(
      installations.fetchInstallation({ teamId: 'TB', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/does not open/);
  });

  it('uses a state once even when redirects race for it', async () => {
    const expires = new Date(Date.now() + 600_000);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => useStateOnce(db, 'racing-state', expires, new Date())),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await useStateOnce(db, 'another-state', expires, new Date())).toBe(true);
  });

  it('keeps the first uninstall date when app_uninstalled and tokens_revoked both arrive, and an install cancels it', async () => {
    const first = new Date('2026-11-01T00:00:00Z');
    await recordUninstall(db, { teamId: 'TC', enterpriseId: null, isEnterpriseInstall: false }, first);
    await recordUninstall(
      db,
      { teamId: 'TC', enterpriseId: null, isEnterpriseInstall: false },
      new Date('2026-11-02T00:00:00Z'),
    );
    expect((await pendingForget(db, 'TC'))?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    await installations.storeInstallation(teamInstall('TC', 'xoxb-c'));
    expect(await pendingForget(db, 'TC')).toBeNull();
  });

  /** Bolt authorising a request from `team` of org `enterprise` (how the store learns the org serves it). */
  const requestFrom = (team: string, enterprise: string) =>
    installations.fetchInstallation({ teamId: team, enterpriseId: enterprise, isEnterpriseInstall: false });

  it("finds an org-served workspace's token from its team id alone, and lists every team's token", async () => {
    await installations.storeInstallation(orgInstall('E5', 'xoxb-org5'));
    await installations.storeInstallation(teamInstall('T5-own', 'xoxb-own'));
    // Before any request from it, the store cannot know the workspace belongs to the org.
    await expect(
      installations.fetchInstallation({ teamId: 'T5-a', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/no Slack installation/);
    await requestFrom('T5-a', 'E5');
    await requestFrom('T5-own', 'E5'); // its own installation serves it, not the org's
    expect(
      (await installations.fetchInstallation({ teamId: 'T5-a', enterpriseId: undefined, isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe('xoxb-org5');
    const tokens = await installations.botTokensByTeam();
    expect(tokens.get('T5-a')).toBe('xoxb-org5');
    expect(tokens.get('T5-own')).toBe('xoxb-own');
    expect(tokens.has('T5-never')).toBe(false);
  });

  it("an org-wide uninstall schedules the data of the workspaces it served (not one with its own install, not another org's), and the data goes after the grace period", async () => {
    await installations.storeInstallation(orgInstall('E7', 'xoxb-org7'));
    await installations.storeInstallation(orgInstall('E8', 'xoxb-org8'));
    await installations.storeInstallation(teamInstall('T7-own', 'xoxb-own7'));
    await installations.fetchInstallation({ teamId: 'T7-a', enterpriseId: 'E7', isEnterpriseInstall: true });
    await requestFrom('T7-b', 'E7');
    await requestFrom('T7-own', 'E7');
    await requestFrom('T8-a', 'E8');
    for (const team of ['T7-a', 'T7-b', 'T7-own', 'T8-a'])
      await db.insert(communities).values({ platform: 'slack', externalId: team });

    const now = new Date('2026-11-30T12:00:00Z');
    await recordUninstall(db, { teamId: null, enterpriseId: 'E7', isEnterpriseInstall: true }, now);

    const graceEnd = new Date(now.getTime() + UNINSTALL_GRACE_DAYS * 86_400_000).toISOString();
    expect((await pendingForget(db, 'T7-a'))?.toISOString()).toBe(graceEnd);
    expect((await pendingForget(db, 'T7-b'))?.toISOString()).toBe(graceEnd);
    expect(await pendingForget(db, 'T7-own')).toBeNull();
    expect(await pendingForget(db, 'T8-a')).toBeNull();
    expect((await installations.botTokensByTeam()).has('T7-a')).toBe(false);
    expect((await installations.botTokensByTeam()).get('T8-a')).toBe('xoxb-org8');

    expect((await forgetUninstalledCommunities(db, new Date(graceEnd))).sort()).toEqual(['T7-a', 'T7-b']);
    const left = (await db.select().from(communities)).map((row) => row.externalId);
    expect(left).toEqual(expect.arrayContaining(['T7-own', 'T8-a']));
    expect(left).not.toContain('T7-a');
    expect(left).not.toContain('T7-b');
  });

  it("an org installing org-wide again within the grace period keeps its workspaces' data", async () => {
    await installations.storeInstallation(orgInstall('E9', 'xoxb-org9'));
    await requestFrom('T9-a', 'E9');
    await recordUninstall(db, { teamId: null, enterpriseId: 'E9', isEnterpriseInstall: true }, new Date());
    expect(await pendingForget(db, 'T9-a')).not.toBeNull();
    await installations.storeInstallation(orgInstall('E9', 'xoxb-org9-again'));
    expect(await pendingForget(db, 'T9-a')).toBeNull();
    expect((await installations.botTokensByTeam()).get('T9-a')).toBe('xoxb-org9-again');
  });
});
