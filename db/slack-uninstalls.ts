// A Slack workspace that uninstalled the bot (app_uninstalled, or its bot token revoked): its
// installation is deleted at once, and its community data after a grace period, so a mistaken
// uninstall can be undone by installing again (storeInstallation drops the pending row).

import { and, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import type { Database } from './database.ts';
import { communities, slackEnterpriseTeams, slackInstallations, slackUninstalls } from './schema.ts';

/** Days between an uninstall and the deletion of the workspace's community data (README says so). */
export const UNINSTALL_GRACE_DAYS = 30;

/**
 * Deletes the workspace's installation and schedules its community data for deletion; a second
 * event for the same uninstall keeps the first date. An org-wide uninstall (its event names no
 * team) deletes the org's installation and schedules the workspaces it served, as recorded in
 * slack_enterprise_teams, except those with an installation of their own.
 */
export async function recordUninstall(
  db: Database,
  who: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const key =
      who.isEnterpriseInstall && who.enterpriseId ? `E:${who.enterpriseId}` : who.teamId ? `T:${who.teamId}` : null;
    if (key) await tx.delete(slackInstallations).where(eq(slackInstallations.key, key));
    const teams = who.teamId ? [who.teamId] : [];
    if (who.isEnterpriseInstall && who.enterpriseId) {
      const served = await tx
        .select({ teamId: slackEnterpriseTeams.teamId })
        .from(slackEnterpriseTeams)
        .where(
          and(
            eq(slackEnterpriseTeams.enterpriseId, who.enterpriseId),
            // (The subquery holds no NULL: NOT IN with a NULL would match nothing.)
            notInArray(
              slackEnterpriseTeams.teamId,
              tx
                .select({ teamId: slackInstallations.teamId })
                .from(slackInstallations)
                .where(and(eq(slackInstallations.isEnterpriseInstall, false), isNotNull(slackInstallations.teamId))),
            ),
          ),
        );
      for (const { teamId } of served) if (!teams.includes(teamId)) teams.push(teamId);
    }
    if (teams.length > 0) {
      const forgetAfter = new Date(now.getTime() + UNINSTALL_GRACE_DAYS * 86_400_000);
      await tx
        .insert(slackUninstalls)
        .values(teams.map((teamId) => ({ teamId, uninstalledAt: now, forgetAfter })))
        .onConflictDoNothing();
    }
  });
}

/** When the workspace's community data goes, or null when no deletion is pending. */
export async function pendingForget(db: Database, teamId: string): Promise<Date | null> {
  const [row] = await db.select().from(slackUninstalls).where(eq(slackUninstalls.teamId, teamId));
  return row?.forgetAfter ?? null;
}

/** Deletes the community data of workspaces whose grace period is over; returns their team ids. */
export async function forgetUninstalledCommunities(db: Database, now: Date): Promise<string[]> {
  const due = await db
    .select({ teamId: slackUninstalls.teamId })
    .from(slackUninstalls)
    .where(lte(slackUninstalls.forgetAfter, now));
  const forgotten: string[] = [];
  for (const { teamId } of due) {
    await db.transaction(async (tx) => {
      // Only while still due: an install that came in meanwhile removed the row and keeps the data.
      const claimed = await tx
        .delete(slackUninstalls)
        .where(and(eq(slackUninstalls.teamId, teamId), lte(slackUninstalls.forgetAfter, now)))
        .returning({ teamId: slackUninstalls.teamId });
      if (claimed.length === 0) return;
      // Members, contracts, payments, observations, snapshots, request ids go with it (ON DELETE CASCADE).
      await tx.delete(communities).where(and(eq(communities.platform, 'slack'), eq(communities.externalId, teamId)));
      await tx.delete(slackEnterpriseTeams).where(eq(slackEnterpriseTeams.teamId, teamId));
      forgotten.push(teamId);
    });
  }
  return forgotten;
}
