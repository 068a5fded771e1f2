// Leaderboards read from snapshots: a page, the caller's rank and the members listed apart (one
// statement), and the score histogram for statistics. Ranks are competition ranks: 1 + the number
// of members strictly ahead, counted from leaderboard_counts (members per value, kept by triggers)
// plus one index range inside the caller's own value, so no read grows with the community.

import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from './bulk-insert.ts';
import type { Database } from './database.ts';
import { leaderboardCounts, RANK_KEY_PRIMARY, RANK_KEY_SECONDARY, type LeaderboardBoard } from './schema.ts';
import type { LeaderboardOrder, LeaderboardPageQuery, LeaderboardView, RankedRow } from '../src/ports/store.ts';

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

/** A json column as read back: parsed by the driver, or text to parse (kept either way). */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Each board's key column, as raw SQL for the aliased references below (fixed names, never input). */
const KEY_COLUMNS: Record<LeaderboardOrder, SQL> = {
  score: sql.raw('score_key'),
  longTerm: sql.raw('long_term_key'),
};

interface PageRow {
  page: number;
  pages: number;
  total: number;
  unranked_total: number;
  stale: boolean;
  on_board: boolean;
  ahead: number | null;
  tied_before: number | null;
  first_rank: number | null;
  rows: unknown;
  names: unknown;
}

/**
 * One leaderboard page, the caller's rank and the members listed apart, in one statement. The
 * caller's page is shown unless a page is asked for; a page past the last shows the last. Each
 * part reads the per-value counts or one index range, so the cost does not grow with the community:
 *   - `counts`: members per primary value of this board (≤ 102 rows);
 *   - `place`: members ahead of the caller (counts above their value + one range inside it) and
 *     those tied with them with a lower member id (their position);
 *   - `chosen`: the page asked for, clamped, or the caller's;
 *   - `start`: the primary value the page starts in, and how many rank above it, from a running
 *     sum of the counts, so the page's rows are an index scan from that value with a small offset;
 *   - `first_rank`: the first row's competition rank (later rows tie with the one above or sit
 *     at their position, worked out below);
 *   - `names`: the first members listed apart, only on the last page;
 *   - `stale`, when asked: whether any snapshot of the community needs refreshing first.
 */
export async function leaderboardPage(db: Database, query: LeaderboardPageQuery): Promise<LeaderboardView> {
  const k = KEY_COLUMNS[query.order];
  const primary = sql.raw(String(RANK_KEY_PRIMARY));
  const community = query.communityId;
  const size = query.pageSize;
  // hasStaleSnapshots' probe, answered with the page so that a read on a day with nothing stale is one statement.
  const stale =
    query.staleAsOf === undefined
      ? sql`false`
      : sql`exists (select 1 from score_snapshots where community_id = ${community}
          and (valid_until < ${query.staleAsOf}::date or computed_on > ${query.staleAsOf}::date))`;
  const result = await db.execute(sql`
    with counts as (
      select value, members from leaderboard_counts
      where community_id = ${community} and board = ${BOARDS[query.order]} and members > 0
    ),
    totals as (
      select coalesce(sum(members) filter (where value >= 0), 0)::int as total,
             coalesce(sum(members) filter (where value = -1), 0)::int as unranked_total
      from counts
    ),
    mine as (
      select ${k} as key, ${k} / ${primary} as value
      from score_snapshots where community_id = ${community} and member_id = ${query.memberId}
    ),
    place as (
      select mine.key,
        (select coalesce(sum(members), 0) from counts where counts.value > mine.value)::int
          + (select count(*) from score_snapshots s
             where s.community_id = ${community} and s.${k} > mine.key and s.${k} < (mine.value + 1) * ${primary})::int
          as ahead,
        (select count(*) from score_snapshots s
         where s.community_id = ${community} and s.${k} = mine.key and s.member_id < ${query.memberId})::int
          as tied_before
      from mine where mine.key is not null
    ),
    chosen as (
      select least(pages, coalesce(${query.page ?? null}::int, (place.ahead + place.tied_before) / ${size}::int + 1, 1)) as page, pages
      from (select greatest(1, ceil(total / ${size}::numeric))::int as pages from totals) paging
      left join place on true
    ),
    start as (
      select value, (page - 1) * ${size}::int as page_offset,
        (select coalesce(sum(members), 0) from counts where counts.value > started.value)::int as skipped
      from (
        select chosen.page, coalesce((
          select value from (
            select value, sum(members) over (order by value desc) as upto from counts where value >= 0
          ) running
          where upto > (chosen.page - 1) * ${size}::int order by value desc limit 1
        ), 100) as value
        from chosen
      ) started
    ),
    page_rows as (
      select s.member_id, s.${k} as key, m.display_name
      from score_snapshots s join members m on m.id = s.member_id
      where s.community_id = ${community} and s.${k} is not null
        and s.${k} < ((select value from start) + 1) * ${primary}
      -- "nulls last" as in the index, or PostgreSQL sorts every row instead of reading the index in order.
      order by s.${k} desc nulls last, s.member_id
      limit ${size}::int offset (select greatest(0, page_offset - skipped) from start)
    ),
    first_row as (
      select key from page_rows order by key desc, member_id limit 1
    ),
    names as (
      select s.member_id, m.display_name
      from score_snapshots s join members m on m.id = s.member_id
      where s.community_id = ${community} and s.${k} is null
        and (select unranked_total > 0 from totals) and (select page = pages from chosen)
      order by s.member_id
      limit ${query.unrankedLimit}::int
    )
    select chosen.page, chosen.pages, totals.total, totals.unranked_total, ${stale} as stale,
      exists (select 1 from mine) as on_board, place.ahead, place.tied_before,
      (select case
         when start.page_offset = 0 then 1
         when first_row.key = place.key then place.ahead + 1
         else 1 + (select coalesce(sum(members), 0) from counts where counts.value > first_row.key / ${primary})::int
           + (select count(*) from score_snapshots s
              where s.community_id = ${community} and s.${k} > first_row.key
                and s.${k} < (first_row.key / ${primary} + 1) * ${primary})::int
       end from first_row, start) as first_rank,
      coalesce((select json_agg(json_build_array(member_id, key, display_name) order by key desc, member_id) from page_rows), '[]') as rows,
      coalesce((select json_agg(display_name order by member_id) from names), '[]') as names
    from chosen cross join totals left join place on true
  `);
  const [row] = rowsOf<PageRow>(result);
  if (!row) throw new Error('the leaderboard page statement returned no row');
  const page = Number(row.page);
  const offset = (page - 1) * query.pageSize;
  const firstRank = Number(row.first_rank ?? 1);
  const rankedRows: RankedRow[] = [];
  json<[number, number | string, string][]>(row.rows).forEach(([memberId, rawKey, displayName], index) => {
    const key = Number(rawKey);
    const previous = rankedRows[index - 1];
    // Competition ranks: the first row's comes from the statement; later rows tie with the one above or sit at their position.
    const rank = previous === undefined ? firstRank : previous.key === key ? previous.rank : offset + index + 1;
    rankedRows.push({ memberId: Number(memberId), displayName, key, rank, ...decode(key, query.order) });
  });
  const ahead = row.ahead === null ? null : Number(row.ahead);
  return {
    page,
    pages: Number(row.pages),
    total: Number(row.total),
    rows: rankedRows,
    me: ahead === null ? null : { rank: ahead + 1, position: ahead + Number(row.tied_before) + 1 },
    meListedApart: Boolean(row.on_board) && ahead === null,
    unranked: { total: Number(row.unranked_total), names: json<string[]>(row.names) },
    stale: Boolean(row.stale),
  };
}

/** How many members of the leaderboard have each score (from the trigger-kept counts). */
export async function scoreHistogram(db: Database, communityId: number): Promise<Map<number, number>> {
  const counts = await boardCounts(db, communityId, 'score');
  counts.delete(-1);
  return counts;
}
