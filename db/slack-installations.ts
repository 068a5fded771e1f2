// Slack OAuth installations in PostgreSQL: Bolt's InstallationStore (what @slack/oauth saves after
// oauth.v2.access and what authorize() reads for every request), one row per workspace, or per
// Enterprise Grid org for org-wide installs. Tokens are sealed with the token cipher, bound to the
// row's key; nothing of an installation is ever written to a file. The workspaces an org-wide
// installation serves are recorded as it serves them (slack_enterprise_teams), so a team's token is
// found from its team id alone (reminders, Home refresh) and the org's uninstall reaches them.

import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Database } from './database.ts';
import { slackEnterpriseTeams, slackInstallations, slackUninstalls } from './schema.ts';
import type { TokenCipher } from './token-cipher.ts';

type Row = typeof slackInstallations.$inferSelect;

/** The row an installation or a query is kept under: the org for org-wide installs, else the team. */
function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error('a Slack installation needs a team id (or an enterprise id for org-wide installs)');
}

class InstallationNotFoundError extends Error {}

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

/** Team → enterprise pairs recorded by this process: each is written once, not on every request. */
const RECORDED_PAIRS_BOUND = 10_000;

export interface SlackInstallationStore extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /**
   * Every workspace's bot token now, by team id: teams with their own installation, and the teams
   * an org-wide installation has served (its token). A team that is in neither has none.
   */
  botTokensByTeam(): Promise<Map<string, string>>;
  /** How many installations are kept (for logs and tests). */
  count(): Promise<number>;
}

export function createSlackInstallationStore(
  db: Database,
  cipher: TokenCipher,
  now: () => Date = () => new Date(),
): SlackInstallationStore {
  const recorded = new Set<string>();
  /** Remembers that the org's installation serves this team (see slackEnterpriseTeams). */
  async function recordServedTeam(teamId: string, enterpriseId: string): Promise<void> {
    const pair = `${teamId} ${enterpriseId}`;
    if (recorded.has(pair)) return;
    await db
      .insert(slackEnterpriseTeams)
      .values({ teamId, enterpriseId, seenAt: now() })
      .onConflictDoUpdate({ target: slackEnterpriseTeams.teamId, set: { enterpriseId, seenAt: now() } });
    if (recorded.size >= RECORDED_PAIRS_BOUND) recorded.clear();
    recorded.add(pair);
  }

  /** The org whose installation served this team before, when the query does not name it. */
  async function recordedEnterpriseOf(teamId: string): Promise<string | null> {
    const [row] = await db
      .select({ enterpriseId: slackEnterpriseTeams.enterpriseId })
      .from(slackEnterpriseTeams)
      .where(eq(slackEnterpriseTeams.teamId, teamId));
    return row?.enterpriseId ?? null;
  }

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
        // An org installing org-wide again keeps the data of the workspaces it served before.
        else if (installation.isEnterpriseInstall && installation.enterprise?.id)
          await tx
            .delete(slackUninstalls)
            .where(
              inArray(
                slackUninstalls.teamId,
                tx
                  .select({ teamId: slackEnterpriseTeams.teamId })
                  .from(slackEnterpriseTeams)
                  .where(eq(slackEnterpriseTeams.enterpriseId, installation.enterprise.id)),
              ),
            );
      });
    },

    async fetchInstallation(query) {
      // A workspace of an org that installed org-wide has no row of its own: the org's row serves it.
      // Asked by team alone (reminders, Home refresh), the org is the one recorded as serving it.
      const keys = [installationKey(query)];
      const enterpriseId =
        query.enterpriseId ??
        (!query.isEnterpriseInstall && query.teamId ? await recordedEnterpriseOf(query.teamId) : null);
      if (!query.isEnterpriseInstall && enterpriseId) keys.push(`E:${enterpriseId}`);
      for (const key of keys) {
        const [row] = await db.select().from(slackInstallations).where(eq(slackInstallations.key, key));
        if (!row) continue;
        const installation = toInstallation(row, cipher);
        if (row.isEnterpriseInstall && row.enterpriseId && query.teamId)
          await recordServedTeam(query.teamId, row.enterpriseId);
        return installation;
      }
      throw new InstallationNotFoundError(`no Slack installation for ${keys.join(' or ')}`);
    },

    async deleteInstallation(query) {
      await db.delete(slackInstallations).where(eq(slackInstallations.key, installationKey(query)));
    },

    async botTokensByTeam() {
      const tokens = new Map<string, string>();
      const rows = await db
        .select({
          key: slackInstallations.key,
          teamId: slackInstallations.teamId,
          sealed: slackInstallations.botTokenSealed,
        })
        .from(slackInstallations)
        .where(and(isNotNull(slackInstallations.botTokenSealed), like(slackInstallations.key, 'T:%')));
      // A sealed token that does not open (moved or tampered with) serves nothing: its team has none.
      const openOrNull = (sealed: string, key: string) => {
        try {
          return cipher.open(sealed, key);
        } catch {
          return null;
        }
      };
      for (const row of rows) {
        const token = row.teamId && row.sealed ? openOrNull(row.sealed, row.key) : null;
        if (row.teamId && token !== null) tokens.set(row.teamId, token);
      }
      // The teams an org-wide installation served, unless they have an installation of their own.
      const served = await db
        .select({
          teamId: slackEnterpriseTeams.teamId,
          key: slackInstallations.key,
          sealed: slackInstallations.botTokenSealed,
        })
        .from(slackEnterpriseTeams)
        .innerJoin(
          slackInstallations,
          and(
            eq(slackInstallations.enterpriseId, slackEnterpriseTeams.enterpriseId),
            eq(slackInstallations.isEnterpriseInstall, true),
          ),
        )
        .where(isNotNull(slackInstallations.botTokenSealed));
      const openedOrgs = new Map<string, string | null>();
      for (const row of served) {
        if (tokens.has(row.teamId) || !row.sealed) continue;
        if (!openedOrgs.has(row.key)) openedOrgs.set(row.key, openOrNull(row.sealed, row.key));
        const token = openedOrgs.get(row.key);
        if (token) tokens.set(row.teamId, token);
      }
      return tokens;
    },

    async count() {
      return (await db.select({ key: slackInstallations.key }).from(slackInstallations)).length;
    },
  };
}
