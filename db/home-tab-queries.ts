// The Home-tab port (src/ports/home-tabs.ts) in PostgreSQL: one row per member whose Home was
// published, with the day it holds until. A forgotten member's row goes with them (ON DELETE CASCADE).

import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { HomeTab, HomeTabs } from '../src/ports/home-tabs.ts';
import type { Platform } from '../src/ports/store.ts';
import type { Database } from './database.ts';
import { communities, homeTabs, members } from './schema.ts';

export function createHomeTabs(db: Database): HomeTabs {
  const tabsOf = (where: ReturnType<typeof and>) =>
    db
      .select({
        memberId: homeTabs.memberId,
        platform: communities.platform,
        communityExternalId: communities.externalId,
        platformUserId: members.platformUserId,
        validUntil: homeTabs.validUntil,
      })
      .from(homeTabs)
      .innerJoin(members, eq(members.id, homeTabs.memberId))
      .innerJoin(communities, eq(communities.id, members.communityId))
      .where(where);
  return {
    async published(memberId, validUntil) {
      await db
        .insert(homeTabs)
        .values({ memberId, validUntil })
        .onConflictDoUpdate({ target: homeTabs.memberId, set: { validUntil, publishedAt: sql`now()` } });
    },
    async find(memberId): Promise<HomeTab | null> {
      const [row] = await tabsOf(eq(homeTabs.memberId, memberId));
      return row ?? null;
    },
    async claimDue(platform: Platform, today, limit): Promise<HomeTab[]> {
      // One statement: the rows are claimed by moving their day on, so two instances never take the same one.
      const due = db
        .select({ memberId: homeTabs.memberId })
        .from(homeTabs)
        .innerJoin(members, eq(members.id, homeTabs.memberId))
        .innerJoin(communities, eq(communities.id, members.communityId))
        .where(and(lt(homeTabs.validUntil, today), eq(communities.platform, platform)))
        .orderBy(homeTabs.validUntil)
        .limit(limit)
        .for('update', { of: homeTabs, skipLocked: true });
      const claimed = await db
        .update(homeTabs)
        .set({ validUntil: today })
        .where(inArray(homeTabs.memberId, due))
        .returning({ memberId: homeTabs.memberId });
      if (claimed.length === 0) return [];
      return tabsOf(
        inArray(
          homeTabs.memberId,
          claimed.map((row) => row.memberId),
        ),
      );
    },
  };
}
