// Leaderboard snapshots kept current: one row per opted-in member (db/member-queries.ts keeps that
// true when the flag changes), saved, expired, moved on to their next standing, and claimed for
// recomputing. Reading them ranked is db/leaderboard-queries.ts.

import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database.ts';
import { communities, members, scoreSnapshots } from './schema.ts';
import type { ScoreSnapshot, StaleSnapshot } from '../src/ports/store.ts';

/** A valid_until that is before any real day: the snapshot is recomputed on the next read. */
export const EXPIRED_DAY = '1970-01-01';

/** Stale: ran out before `today`, or computed for a later day than `today` (a clock set back). */
function stale(today: string): SQL {
  return or(lt(scoreSnapshots.validUntil, today), gt(scoreSnapshots.computedOn, today)) as SQL;
}

/** A snapshot as columns: its next standing, when known, in the next_* columns. */
function snapshotRow(snapshot: ScoreSnapshot): typeof scoreSnapshots.$inferInsert {
  const { next, ...current } = snapshot;
  return {
    ...current,
    nextScore: next?.score ?? null,
    nextWindow: next?.window ?? null,
    nextLongTermPercent: next?.longTermPercent ?? null,
    nextOutcomes: next?.outcomes ?? null,
    nextValidUntil: next?.validUntil ?? null,
  };
}

const SNAPSHOT_COLUMNS = {
  memberId: scoreSnapshots.memberId,
  communityId: scoreSnapshots.communityId,
  model: scoreSnapshots.model,
  score: scoreSnapshots.score,
  window: scoreSnapshots.window,
  longTermPercent: scoreSnapshots.longTermPercent,
  outcomes: scoreSnapshots.outcomes,
  computedOn: scoreSnapshots.computedOn,
  validUntil: scoreSnapshots.validUntil,
  nextScore: scoreSnapshots.nextScore,
  nextWindow: scoreSnapshots.nextWindow,
  nextLongTermPercent: scoreSnapshots.nextLongTermPercent,
  nextOutcomes: scoreSnapshots.nextOutcomes,
  nextValidUntil: scoreSnapshots.nextValidUntil,
};

type SnapshotColumns = { [K in keyof typeof SNAPSHOT_COLUMNS]: (typeof SNAPSHOT_COLUMNS)[K]['_']['data'] | null };

function toSnapshot(row: SnapshotColumns): ScoreSnapshot {
  const next =
    row.nextValidUntil === null
      ? null
      : {
          score: row.nextScore,
          window: row.nextWindow,
          longTermPercent: row.nextLongTermPercent,
          outcomes: row.nextOutcomes ?? 0,
          validUntil: row.nextValidUntil,
        };
  return {
    memberId: row.memberId as number,
    communityId: row.communityId as number,
    model: row.model as ScoreSnapshot['model'],
    score: row.score,
    window: row.window,
    longTermPercent: row.longTermPercent,
    outcomes: row.outcomes as number,
    computedOn: row.computedOn as string,
    validUntil: row.validUntil as string,
    next,
  };
}

/** Writes many snapshots in one statement; a member's newer snapshot replaces the older one. */
export async function saveSnapshots(db: Database, snapshots: readonly ScoreSnapshot[]): Promise<void> {
  if (snapshots.length === 0) return;
  const replace = Object.fromEntries(
    Object.entries(SNAPSHOT_COLUMNS)
      .filter(([name]) => name !== 'memberId')
      .map(([name, column]) => [name, sql.raw(`excluded.${column.name}`)]),
  );
  await db
    .insert(scoreSnapshots)
    .values(snapshots.map(snapshotRow))
    .onConflictDoUpdate({ target: scoreSnapshots.memberId, set: { ...replace, expiredAt: sql`null` } });
}

/** A member's snapshot, if they are on a leaderboard. */
export async function getSnapshot(db: Database, memberId: number): Promise<ScoreSnapshot | null> {
  const [row] = await db.select(SNAPSHOT_COLUMNS).from(scoreSnapshots).where(eq(scoreSnapshots.memberId, memberId));
  return row ? toSnapshot(row) : null;
}

/** A placeholder that is stale at once: the member is on the leaderboard from the next read. */
export async function addExpiredSnapshot(db: Database, memberId: number, communityId: number): Promise<void> {
  await db
    .insert(scoreSnapshots)
    .values({
      memberId,
      communityId,
      model: 'upwork-2025',
      outcomes: 0,
      computedOn: EXPIRED_DAY,
      validUntil: EXPIRED_DAY,
      expiredAt: sql`now()`,
    })
    .onConflictDoNothing();
}

export async function deleteSnapshot(db: Database, memberId: number): Promise<void> {
  await db.delete(scoreSnapshots).where(eq(scoreSnapshots.memberId, memberId));
}

/** The member's contracts or the community's settings changed: recompute on the next read. */
export async function expireSnapshots(
  db: Database,
  target: { memberId: number } | { communityId: number },
): Promise<void> {
  // A member's: theirs, and those of the server rows whose history is theirs (members.history_member_id).
  const where =
    'memberId' in target
      ? or(
          eq(scoreSnapshots.memberId, target.memberId),
          inArray(
            scoreSnapshots.memberId,
            db.select({ id: members.id }).from(members).where(eq(members.historyMemberId, target.memberId)),
          ),
        )
      : eq(scoreSnapshots.communityId, target.communityId);
  // The precomputed next standing came from the old contracts or model: it goes too.
  await db
    .update(scoreSnapshots)
    .set({
      validUntil: EXPIRED_DAY,
      nextScore: null,
      nextWindow: null,
      nextLongTermPercent: null,
      nextOutcomes: null,
      nextValidUntil: null,
      expiredAt: sql`coalesce(${scoreSnapshots.expiredAt}, now())`,
    })
    .where(where);
}

/**
 * Seconds the oldest stale snapshot (of any community) has waited: since it was expired, or since
 * the day after its valid_until began (UTC) when it ran out by itself. 0 when none is stale.
 */
export async function oldestStaleSnapshotAge(db: Database, today: string): Promise<number> {
  const [row] = await db
    .select({
      seconds:
        sql<number>`coalesce(extract(epoch from now() - min(coalesce(${scoreSnapshots.expiredAt}, (${scoreSnapshots.validUntil} + 1)::timestamp at time zone 'UTC'))), 0)::float8`.mapWith(
          Number,
        ),
    })
    .from(scoreSnapshots)
    .where(stale(today));
  return Math.max(0, row?.seconds ?? 0);
}

/** Snapshots that ran out before `today` and whose precomputed next standing covers it. */
function dueForPromotion(scope: { communityId: number | null; today: string }): SQL | undefined {
  return and(
    scope.communityId === null ? undefined : eq(scoreSnapshots.communityId, scope.communityId),
    lt(scoreSnapshots.validUntil, scope.today),
    isNotNull(scoreSnapshots.nextValidUntil),
    sql`${scoreSnapshots.validUntil} + 1 <= ${scope.today}::date`,
    gte(scoreSnapshots.nextValidUntil, scope.today),
  );
}

/**
 * Snapshots that ran out, whose precomputed next standing covers `today`, become that standing
 * (as computed on its first day). Row by row this is what a recomputation would give, since
 * nothing was recorded meanwhile (a write would have expired the snapshot and cleared `next`).
 */
export async function promoteSnapshots(
  db: Database,
  scope: { communityId: number | null; today: string },
): Promise<number> {
  const due = dueForPromotion(scope);
  const moved = await db
    .update(scoreSnapshots)
    .set({
      score: sql`${scoreSnapshots.nextScore}`,
      window: sql`${scoreSnapshots.nextWindow}`,
      longTermPercent: sql`${scoreSnapshots.nextLongTermPercent}`,
      outcomes: sql`${scoreSnapshots.nextOutcomes}`,
      computedOn: sql`${scoreSnapshots.validUntil} + 1`,
      validUntil: sql`${scoreSnapshots.nextValidUntil}`,
      nextScore: null,
      nextWindow: null,
      nextLongTermPercent: null,
      nextOutcomes: null,
      nextValidUntil: null,
    })
    .where(due)
    .returning({ memberId: scoreSnapshots.memberId });
  return moved.length;
}

/** The community settings of each row's community, for scoring. */
async function withSettings<T extends { memberId: number; communityId: number }>(
  db: Database,
  rows: readonly T[],
): Promise<(T & StaleSnapshot)[]> {
  if (rows.length === 0) return [];
  const settings = await db
    .select({ id: communities.id, model: communities.model, params: communities.params })
    .from(communities)
    .where(inArray(communities.id, [...new Set(rows.map((row) => row.communityId))]));
  const byId = new Map(settings.map((community) => [community.id, community]));
  return rows.map((row) => {
    const community = byId.get(row.communityId);
    if (!community) throw new Error(`snapshot of member ${row.memberId} has no community ${row.communityId}`);
    return { ...row, model: community.model, params: community.params };
  });
}

/** Fresh snapshots whose next standing is not computed yet, locked for the refresh job. */
export async function claimSnapshotsWithoutNext(
  db: Database,
  scope: { today: string; limit: number },
): Promise<(StaleSnapshot & { snapshot: ScoreSnapshot })[]> {
  const rows = await db
    .select(SNAPSHOT_COLUMNS)
    .from(scoreSnapshots)
    .where(
      and(
        isNull(scoreSnapshots.nextValidUntil),
        gte(scoreSnapshots.validUntil, scope.today),
        lte(scoreSnapshots.computedOn, scope.today),
      ),
    )
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(scope.limit)
    .for('update', { skipLocked: true });
  return withSettings(
    db,
    rows.map((row) => ({
      memberId: row.memberId as number,
      communityId: row.communityId as number,
      snapshot: toSnapshot(row),
    })),
  );
}

/**
 * Locks up to `limit` snapshots due for promotion (as promoteSnapshots would move them), lowest
 * member id first, for the job to move on and look ahead in one write: it saves each as its next
 * standing with the standing after that, instead of an UPDATE now and the look-ahead's save later.
 */
export async function claimSnapshotsToPromote(
  db: Database,
  scope: { communityId: number | null; today: string; limit: number; skipLocked: boolean },
): Promise<(StaleSnapshot & { snapshot: ScoreSnapshot })[]> {
  const rows = await db
    .select(SNAPSHOT_COLUMNS)
    .from(scoreSnapshots)
    .where(dueForPromotion(scope))
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(scope.limit)
    .for('update', scope.skipLocked ? { skipLocked: true } : {});
  return withSettings(
    db,
    rows.map((row) => ({
      memberId: row.memberId as number,
      communityId: row.communityId as number,
      snapshot: toSnapshot(row),
    })),
  );
}

/**
 * Locks up to `limit` stale snapshots (of one community, or of all) for recomputing, lowest
 * member id first so two readers lock in the same order. The caller must be in a transaction;
 * a member's write that expires their snapshot waits for it, so a recomputation from contracts
 * read before that write can never overwrite the expiry. `skipLocked`: leave rows another
 * worker holds to it (the refresh job); without it a reader waits and then skips rows that are
 * fresh by then.
 */
export async function claimStaleSnapshots(
  db: Database,
  scope: { communityId: number | null; today: string; limit: number; skipLocked: boolean },
): Promise<StaleSnapshot[]> {
  const where =
    scope.communityId === null
      ? stale(scope.today)
      : and(eq(scoreSnapshots.communityId, scope.communityId), stale(scope.today));
  const locked = db
    .select({ memberId: scoreSnapshots.memberId, communityId: scoreSnapshots.communityId })
    .from(scoreSnapshots)
    .where(where)
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(scope.limit)
    .for('update', scope.skipLocked ? { skipLocked: true } : {});
  const rows = await locked;
  return (await withSettings(db, rows)).map(({ memberId, communityId, model, params }) => ({
    memberId,
    communityId,
    model,
    params,
  }));
}

/** Whether any snapshot of the community needs moving on or recomputing as of `today` (one index probe). */
export async function hasStaleSnapshots(db: Database, communityId: number, today: string): Promise<boolean> {
  const [row] = await db
    .select({ memberId: scoreSnapshots.memberId })
    .from(scoreSnapshots)
    .where(and(eq(scoreSnapshots.communityId, communityId), stale(today)))
    .limit(1);
  return row !== undefined;
}
