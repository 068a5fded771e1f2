// Leaderboard snapshots: one row per opted-in member (db/member-queries.ts keeps that true when
// the flag changes), ranked by packed keys. Ranks are competition ranks: 1 + the number of members
// strictly ahead, counted from leaderboard_counts (members per score) plus one index range.

import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database.ts';
import { communities, leaderboardCounts, members, RANK_KEY_PRIMARY, RANK_KEY_SECONDARY, scoreSnapshots, type LeaderboardBoard } from './schema.ts';
import type { LeaderboardOrder, LeaderboardPageQuery, LeaderboardView, RankedRow, ScoreSnapshot, StaleSnapshot } from './store.ts';

/** A valid_until that is before any real day: the snapshot is recomputed on the next read. */
export const EXPIRED_DAY = '1970-01-01';

function keyOf(order: LeaderboardOrder) {
  return order === 'score' ? scoreSnapshots.scoreKey : scoreSnapshots.longTermKey;
}

/** The primary and secondary percentages back from a packed key (see rankKey in schema.ts). */
function decode(key: number, order: LeaderboardOrder): { score: number | null; longTermPercent: number | null; outcomes: number } {
  const primary = Math.floor(key / RANK_KEY_PRIMARY);
  const secondaryPlusOne = Math.floor((key % RANK_KEY_PRIMARY) / RANK_KEY_SECONDARY);
  const secondary = secondaryPlusOne === 0 ? null : secondaryPlusOne - 1;
  const outcomes = key % RANK_KEY_SECONDARY;
  return order === 'score' ? { score: primary, longTermPercent: secondary, outcomes } : { score: secondary, longTermPercent: primary, outcomes };
}

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
      : { score: row.nextScore, window: row.nextWindow, longTermPercent: row.nextLongTermPercent, outcomes: row.nextOutcomes ?? 0, validUntil: row.nextValidUntil };
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
  await db.insert(scoreSnapshots).values(snapshots.map(snapshotRow)).onConflictDoUpdate({ target: scoreSnapshots.memberId, set: replace });
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
    .values({ memberId, communityId, model: 'upwork-2025', outcomes: 0, computedOn: EXPIRED_DAY, validUntil: EXPIRED_DAY })
    .onConflictDoNothing();
}

export async function deleteSnapshot(db: Database, memberId: number): Promise<void> {
  await db.delete(scoreSnapshots).where(eq(scoreSnapshots.memberId, memberId));
}

/** The member's contracts or the community's settings changed: recompute on the next read. */
export async function expireSnapshots(db: Database, target: { memberId: number } | { communityId: number }): Promise<void> {
  const where = 'memberId' in target ? eq(scoreSnapshots.memberId, target.memberId) : eq(scoreSnapshots.communityId, target.communityId);
  // The precomputed next standing came from the old contracts or model: it goes too.
  await db
    .update(scoreSnapshots)
    .set({ validUntil: EXPIRED_DAY, nextScore: null, nextWindow: null, nextLongTermPercent: null, nextOutcomes: null, nextValidUntil: null })
    .where(where);
}

/**
 * Snapshots that ran out, whose precomputed next standing covers `today`, become that standing
 * (as computed on its first day). Row by row this is what a recomputation would give, since
 * nothing was recorded meanwhile (a write would have expired the snapshot and cleared `next`).
 */
export async function promoteSnapshots(db: Database, scope: { communityId: number | null; today: string }): Promise<number> {
  const due = and(
    scope.communityId === null ? undefined : eq(scoreSnapshots.communityId, scope.communityId),
    lt(scoreSnapshots.validUntil, scope.today),
    isNotNull(scoreSnapshots.nextValidUntil),
    sql`${scoreSnapshots.validUntil} + 1 <= ${scope.today}::date`,
    gte(scoreSnapshots.nextValidUntil, scope.today),
  );
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
async function withSettings<T extends { memberId: number; communityId: number }>(db: Database, rows: readonly T[]): Promise<(T & StaleSnapshot)[]> {
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
export async function claimSnapshotsWithoutNext(db: Database, scope: { today: string; limit: number }): Promise<(StaleSnapshot & { snapshot: ScoreSnapshot })[]> {
  const rows = await db
    .select(SNAPSHOT_COLUMNS)
    .from(scoreSnapshots)
    .where(and(isNull(scoreSnapshots.nextValidUntil), gte(scoreSnapshots.validUntil, scope.today), lte(scoreSnapshots.computedOn, scope.today)))
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(scope.limit)
    .for('update', { skipLocked: true });
  return withSettings(db, rows.map((row) => ({ memberId: row.memberId as number, communityId: row.communityId as number, snapshot: toSnapshot(row) })));
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
  const where = scope.communityId === null ? stale(scope.today) : and(eq(scoreSnapshots.communityId, scope.communityId), stale(scope.today));
  const locked = db
    .select({ memberId: scoreSnapshots.memberId, communityId: scoreSnapshots.communityId })
    .from(scoreSnapshots)
    .where(where)
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(scope.limit)
    .for('update', scope.skipLocked ? { skipLocked: true } : {});
  const rows = await locked;
  return (await withSettings(db, rows)).map(({ memberId, communityId, model, params }) => ({ memberId, communityId, model, params }));
}

async function countWhere(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(scoreSnapshots).where(where);
  return row?.n ?? 0;
}

/** Members per primary value (-1: none) of one board, kept by triggers (see leaderboardCounts). */
async function boardCounts(db: Database, communityId: number, order: LeaderboardOrder): Promise<Map<number, number>> {
  const rows = await db
    .select({ value: leaderboardCounts.value, members: leaderboardCounts.members })
    .from(leaderboardCounts)
    .where(and(eq(leaderboardCounts.communityId, communityId), eq(leaderboardCounts.board, BOARDS[order]), gt(leaderboardCounts.members, 0)));
  return new Map(rows.map((row) => [row.value, row.members]));
}

const BOARDS: Record<LeaderboardOrder, LeaderboardBoard> = { score: 'score', longTerm: 'long_term' };

/**
 * Members strictly ahead of a key: everyone with a higher primary value (from the counts) plus
 * those with the same primary value and a higher key (an index range inside one value).
 */
async function countAhead(db: Database, query: LeaderboardPageQuery, counts: Map<number, number>, rankKey: number): Promise<number> {
  const primary = Math.floor(rankKey / RANK_KEY_PRIMARY);
  let above = 0;
  for (const [value, members] of counts) if (value > primary) above += members;
  const key = keyOf(query.order);
  const sameValue = await countWhere(db, and(eq(scoreSnapshots.communityId, query.communityId), gt(key, rankKey), lt(key, (primary + 1) * RANK_KEY_PRIMARY)));
  return above + sameValue;
}

/** Where the page starting at `offset` begins: its primary value, and how many rank above that value. */
function pageStart(counts: Map<number, number>, offset: number): { startValue: number; skipped: number } {
  let skipped = 0;
  let startValue = 100;
  for (const value of [...counts.keys()].filter((value) => value >= 0).sort((a, b) => b - a)) {
    const members = counts.get(value) as number;
    startValue = value;
    if (skipped + members > offset) break;
    skipped += members;
  }
  return { startValue, skipped };
}

/** The ranked rows of one page with display names: an index scan from the page's primary value on. */
async function pageRows(db: Database, query: LeaderboardPageQuery, counts: Map<number, number>, offset: number) {
  const key = keyOf(query.order);
  const { startValue, skipped } = pageStart(counts, offset);
  const rows = await db
    .select({ memberId: scoreSnapshots.memberId, key, displayName: members.displayName })
    .from(scoreSnapshots)
    .innerJoin(members, eq(members.id, scoreSnapshots.memberId))
    .where(and(eq(scoreSnapshots.communityId, query.communityId), isNotNull(key), lt(key, (startValue + 1) * RANK_KEY_PRIMARY)))
    // "nulls last" as in the index, or PostgreSQL sorts every row instead of reading the index in order.
    .orderBy(sql`${key} desc nulls last`, asc(scoreSnapshots.memberId))
    .limit(query.pageSize)
    .offset(Math.max(0, offset - skipped));
  return rows.map((row) => ({ memberId: row.memberId, displayName: row.displayName, key: row.key as number }));
}

/** The first names of the members listed apart (no value to rank by), oldest member first. */
async function unrankedNames(db: Database, query: LeaderboardPageQuery): Promise<string[]> {
  const rows = await db
    .select({ displayName: members.displayName })
    .from(scoreSnapshots)
    .innerJoin(members, eq(members.id, scoreSnapshots.memberId))
    .where(and(eq(scoreSnapshots.communityId, query.communityId), isNull(keyOf(query.order))))
    .orderBy(asc(scoreSnapshots.memberId))
    .limit(query.unrankedLimit);
  return rows.map((row) => row.displayName);
}

/**
 * One leaderboard page, the caller's rank and the members listed apart. The caller's page is
 * shown unless a page is asked for; a page past the last shows the last. Every step reads the
 * per-value counts or one index range, so its cost does not grow with the community; the
 * queries that do not depend on each other run at once (two or three round trips in all).
 */
export async function leaderboardPage(db: Database, query: LeaderboardPageQuery): Promise<LeaderboardView> {
  const key = keyOf(query.order);
  const inCommunity = eq(scoreSnapshots.communityId, query.communityId);
  const [counts, [mine]] = await Promise.all([
    boardCounts(db, query.communityId, query.order),
    db.select({ key }).from(scoreSnapshots).where(and(inCommunity, eq(scoreSnapshots.memberId, query.memberId))),
  ]);
  const myKey = mine?.key ?? null;
  let total = 0;
  for (const [value, members] of counts) if (value >= 0) total += members;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const unrankedTotal = counts.get(-1) ?? 0;
  const place: Promise<[number, number]> =
    myKey === null
      ? Promise.resolve([0, 0])
      : Promise.all([countAhead(db, query, counts, myKey), countWhere(db, and(inCommunity, eq(key, myKey), lt(scoreSnapshots.memberId, query.memberId)))]);
  // An asked-for page needs nothing of the caller's place: fetch it alongside.
  let page: number;
  if (query.page !== undefined) page = Math.min(pages, query.page);
  else {
    const [before, tied] = await place;
    page = myKey === null ? 1 : Math.min(pages, Math.floor((before + tied) / query.pageSize) + 1);
  }
  const offset = (page - 1) * query.pageSize;
  const [[ahead, tiedBefore], rows, names] = await Promise.all([
    place,
    pageRows(db, query, counts, offset),
    unrankedTotal === 0 || page !== pages ? Promise.resolve([]) : unrankedNames(db, query),
  ]);
  // Competition ranks: the first row's comes from a count; later rows tie with the one above or sit at their position.
  const firstKey = rows[0]?.key;
  const firstRank = firstKey === undefined || offset === 0 ? 1 : 1 + (firstKey === myKey ? ahead : await countAhead(db, query, counts, firstKey));
  const rankedRows: RankedRow[] = [];
  rows.forEach((row, index) => {
    const previous = rankedRows[index - 1];
    const rank = previous === undefined ? firstRank : previous.key === row.key ? previous.rank : offset + index + 1;
    rankedRows.push({ ...row, rank, ...decode(row.key, query.order) });
  });
  return {
    page,
    pages,
    total,
    rows: rankedRows,
    me: myKey === null ? null : { rank: ahead + 1, position: ahead + tiedBefore + 1 },
    meListedApart: mine !== undefined && myKey === null,
    unranked: { total: unrankedTotal, names },
  };
}

/** Whether any snapshot of the community needs moving on or recomputing as of `today` (one index probe). */
export async function hasStaleSnapshots(db: Database, communityId: number, today: string): Promise<boolean> {
  const [row] = await db.select({ memberId: scoreSnapshots.memberId }).from(scoreSnapshots).where(and(eq(scoreSnapshots.communityId, communityId), stale(today))).limit(1);
  return row !== undefined;
}

/** How many members of the leaderboard have each score (from the trigger-kept counts). */
export async function scoreHistogram(db: Database, communityId: number): Promise<Map<number, number>> {
  const counts = await boardCounts(db, communityId, 'score');
  counts.delete(-1);
  return counts;
}
