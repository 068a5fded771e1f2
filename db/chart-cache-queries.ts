// The chart cache in PostgreSQL (the ChartCache port, src/ports/chart-cache.ts): one row per member
// and chart key, PNG bytes as bytea. A forgotten member's rows go with them (ON DELETE CASCADE).

import { and, eq, gte, lt } from 'drizzle-orm';
import type { Database } from './database.ts';
import { chartCache } from './schema.ts';
import type { CachedChart, ChartCache } from '../src/ports/chart-cache.ts';

export function createChartCache(db: Database): ChartCache {
  return {
    async get(memberId, key, today) {
      const [row] = await db
        .select({
          png: chartCache.png,
          width: chartCache.width,
          height: chartCache.height,
          validUntil: chartCache.validUntil,
        })
        .from(chartCache)
        .where(and(eq(chartCache.memberId, memberId), eq(chartCache.key, key), gte(chartCache.validUntil, today)));
      return row ? { memberId, key, ...row } : null;
    },
    async put(chart: CachedChart, today) {
      const { memberId, key, png, width, height, validUntil } = chart;
      await db
        .insert(chartCache)
        .values({ memberId, key, png, width, height, validUntil })
        .onConflictDoUpdate({
          target: [chartCache.memberId, chartCache.key],
          set: { png, width, height, validUntil, createdAt: new Date() },
        });
      // The member's old charts: the cheapest moment to drop them is when they get a new one.
      await db.delete(chartCache).where(and(eq(chartCache.memberId, memberId), lt(chartCache.validUntil, today)));
    },
    async forgetMember(memberId) {
      return (await db.delete(chartCache).where(eq(chartCache.memberId, memberId)).returning({ key: chartCache.key }))
        .length;
    },
    async evictExpired(today) {
      return (await db.delete(chartCache).where(lt(chartCache.validUntil, today)).returning({ key: chartCache.key }))
        .length;
    },
  };
}
