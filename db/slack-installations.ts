// Slack OAuth installations in PostgreSQL: Bolt's InstallationStore (what @slack/oauth saves after
// oauth.v2.access and what authorize() reads for every request), one row per workspace, or per
// Enterprise Grid org for org-wide installs. Tokens are sealed with the token cipher, bound to the
// row's key; nothing of an installation is ever written to a file.

import { eq } from 'drizzle-orm';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Database } from './database.ts';
import { slackInstallations, slackUninstalls } from './schema.ts';
import type { TokenCipher } from './token-cipher.ts';

type Row = typeof slackInstallations.$inferSelect;

/** The row an installation or a query is kept under: the org for org-wide installs, else the team. */
export function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error('a Slack installation needs a team id (or an enterprise id for org-wide installs)');
}

export class InstallationNotFoundError extends Error {}

function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

function toInstallation(row: Row, cipher: TokenCipher): Installation {
  const open = (sealed: string | null) => (sealed === null ? undefined : cipher.open(sealed, row.key));
  const botToken = open(row.botTokenSealed);
  return {
    team: row.teamId ? { id: row.teamId, ...(row.teamName && { name: row.teamName }) } : undefined,
    enterprise: row.enterpriseId
      ? { id: row.enterpriseId, ...(row.enterpriseName && { name: row.enterpriseName }) }
      : undefined,
    user: { id: row.installerUserId ?? '', token: open(row.installerTokenSealed), scopes: row.installerScopes },
    ...(botToken !== undefined && {
      bot: {
        token: botToken,
        ...(row.botRefreshTokenSealed && { refreshToken: open(row.botRefreshTokenSealed) as string }),
        ...(row.botTokenExpiresAt !== null && { expiresAt: row.botTokenExpiresAt }),
        scopes: row.botScopes,
        id: row.botId ?? '',
        userId: row.botUserId ?? '',
      },
    }),
    ...(row.appId && { appId: row.appId }),
    ...(row.tokenType === 'bot' && { tokenType: 'bot' as const }),
    ...(row.enterpriseUrl && { enterpriseUrl: row.enterpriseUrl }),
    isEnterpriseInstall: row.isEnterpriseInstall,
    authVersion: row.authVersion === 'v1' ? 'v1' : 'v2',
  } as Installation;
}

export interface SlackInstallationStore extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /** How many installations are kept (for logs and tests). */
  count(): Promise<number>;
}

export function createSlackInstallationStore(
  db: Database,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
): SlackInstallationStore {
  return {
    async storeInstallation(installation) {
      const key = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      const seal = (plain: string | undefined) => (plain === undefined ? null : cipher.seal(plain, key));
      const at = now();
      const values = {
        teamId: installation.team?.id ?? null,
        teamName: installation.team?.name ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        enterpriseName: installation.enterprise?.name ?? null,
        enterpriseUrl: installation.enterpriseUrl ?? null,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        appId: installation.appId ?? null,
        botId: installation.bot?.id ?? null,
        botUserId: installation.bot?.userId ?? null,
        botScopes: installation.bot?.scopes ?? [],
        botTokenSealed: seal(installation.bot?.token),
        botRefreshTokenSealed: seal(installation.bot?.refreshToken),
        botTokenExpiresAt: installation.bot?.expiresAt ?? null,
        installerUserId: installation.user.id,
        installerScopes: installation.user.scopes ?? [],
        installerTokenSealed: seal(installation.user.token),
        tokenType: installation.tokenType ?? null,
        authVersion: installation.authVersion ?? 'v2',
        updatedAt: at,
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(slackInstallations)
          .values({ key, ...values, installedAt: at })
          .onConflictDoUpdate({ target: slackInstallations.key, set: values });
        // Installing again within the grace period keeps the workspace's community data.
        if (installation.team?.id)
          await tx.delete(slackUninstalls).where(eq(slackUninstalls.teamId, installation.team.id));
      });
    },

    async fetchInstallation(query) {
      // A workspace of an org that installed org-wide has no row of its own: the org's row serves it.
      const keys = [installationKey(query)];
      if (!query.isEnterpriseInstall && query.enterpriseId) keys.push(`E:${query.enterpriseId}`);
      for (const key of keys) {
        const [row] = await db.select().from(slackInstallations).where(eq(slackInstallations.key, key));
        if (row) return toInstallation(row, cipher);
      }
      throw new InstallationNotFoundError(`no Slack installation for ${keys.join(' or ')}`);
    },

    async deleteInstallation(query) {
      await db.delete(slackInstallations).where(eq(slackInstallations.key, installationKey(query)));
    },

    async count() {
      return (await db.select({ key: slackInstallations.key }).from(slackInstallations)).length;
    },
  };
}
