// Leaderboards read from snapshots: a page, the caller's rank and the members listed apart, and
// the score histogram for statistics. Ranks are competition ranks: 1 + the number of members
// strictly ahead, counted from leaderboard_counts (members per value, kept by triggers) plus one
// index range inside the caller's own value, so no read grows with the community.

import { and, asc, eq, gt, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database.ts';
import {
  leaderboardCounts,
  members,
  RANK_KEY_PRIMARY,
  RANK_KEY_SECONDARY,
  scoreSnapshots,
  type LeaderboardBoard,
} from './schema.ts';
import type { LeaderboardOrder, LeaderboardPageQuery, LeaderboardView, RankedRow } from '../src/ports/store.ts';

function keyOf(order: LeaderboardOrder) {
  return order === 'score' ? scoreSnapshots.scoreKey : scoreSnapshots.longTermKey;
}

/** The primary and secondary percentages back from a packed key (see rankKey in schema.ts). */
function decode(
  key: number,
  order: LeaderboardOrder,
): { score: number | null; longTermPercent: number | null; outcomes: number } {
  const primary = Math.floor(key / RANK_KEY_PRIMARY);
  const secondaryPlusOne = Math.floor((key % RANK_KEY_PRIMARY) / RANK_KEY_SECONDARY);
  const secondary = secondaryPlusOne === 0 ? null : secondaryPlusOne - 1;
  const outcomes = key % RANK_KEY_SECONDARY;
  return order === 'score'
    ? { score: primary, longTermPercent: secondary, outcomes }
    : { score: secondary, longTermPercent: primary, outcomes };
}

async function countWhere(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(scoreSnapshots)
    .where(where);
  return row?.n ?? 0;
}

/** Members per primary value (-1: none) of one board, kept by triggers (see leaderboardCounts). */
async function boardCounts(db: Database, communityId: number, order: LeaderboardOrder): Promise<Map<number, number>> {
  const rows = await db
    .select({ value: leaderboardCounts.value, members: leaderboardCounts.members })
    .from(leaderboardCounts)
    .where(
      and(
        eq(leaderboardCounts.communityId, communityId),
        eq(leaderboardCounts.board, BOARDS[order]),
        gt(leaderboardCounts.members, 0),
      ),
    );
  return new Map(rows.map((row) => [row.value, row.members]));
}

const BOARDS: Record<LeaderboardOrder, LeaderboardBoard> = { score: 'score', longTerm: 'long_term' };

/**
 * Members strictly ahead of a key: everyone with a higher primary value (from the counts) plus
 * those with the same primary value and a higher key (an index range inside one value).
 */
async function countAhead(
  db: Database,
  query: LeaderboardPageQuery,
  counts: Map<number, number>,
  rankKey: number,
): Promise<number> {
  const primary = Math.floor(rankKey / RANK_KEY_PRIMARY);
  let above = 0;
  for (const [value, members] of counts) if (value > primary) above += members;
  const key = keyOf(query.order);
  const sameValue = await countWhere(
    db,
    and(eq(scoreSnapshots.communityId, query.communityId), gt(key, rankKey), lt(key, (primary + 1) * RANK_KEY_PRIMARY)),
  );
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
    .where(
      and(
        eq(scoreSnapshots.communityId, query.communityId),
        isNotNull(key),
        lt(key, (startValue + 1) * RANK_KEY_PRIMARY),
      ),
    )
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
    db
      .select({ key })
      .from(scoreSnapshots)
      .where(and(inCommunity, eq(scoreSnapshots.memberId, query.memberId))),
  ]);
  const myKey = mine?.key ?? null;
  let total = 0;
  for (const [value, members] of counts) if (value >= 0) total += members;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const unrankedTotal = counts.get(-1) ?? 0;
  const place: Promise<[number, number]> =
    myKey === null
      ? Promise.resolve([0, 0])
      : Promise.all([
          countAhead(db, query, counts, myKey),
          countWhere(db, and(inCommunity, eq(key, myKey), lt(scoreSnapshots.memberId, query.memberId))),
        ]);
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
  const firstRank =
    firstKey === undefined || offset === 0
      ? 1
      : 1 + (firstKey === myKey ? ahead : await countAhead(db, query, counts, firstKey));
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

/** How many members of the leaderboard have each score (from the trigger-kept counts). */
export async function scoreHistogram(db: Database, communityId: number): Promise<Map<number, number>> {
  const counts = await boardCounts(db, communityId, 'score');
  counts.delete(-1);
  return counts;
}
