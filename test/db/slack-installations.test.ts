// Slack installations, used states and uninstalls in the database, on both drivers: an org-wide
// install serves its workspaces, a sealed token moved to another row does not open, a state is
// used once even when two redirects race, and uninstall events repeat harmlessly.

import { eq } from 'drizzle-orm';
import type { Installation } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { slackInstallations } from '../../db/schema.ts';
import { createSlackInstallationStore, type SlackInstallationStore } from '../../db/slack-installations.ts';
import { useStateOnce } from '../../db/slack-oauth-states.ts';
import { pendingForget, recordUninstall } from '../../db/slack-uninstalls.ts';
import { createTokenCipher } from '../../db/token-cipher.ts';
import { databaseKinds } from '../helpers/databases.ts';

const cipher = createTokenCipher(Buffer.alloc(32, 3));

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
});
