// One person on two platforms (the `link` and `unlink` commands): their histories joined on one
// member row (members.history_member_id, one hop: every row of the group points at the owner), and
// split again with a copy each. A link code is a confirmation row (action 'link') of the issuer.

import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { LINK_ACTION } from '../src/commands/history-owner.ts';
import type { Platform } from '../src/ports/store.ts';
import type { Database } from './database.ts';
import { expireSnapshots } from './snapshot-queries.ts';
import { chartCache, communities, confirmations, contracts, members, observations, undoSnapshots } from './schema.ts';

/** Uses up an unexpired link code: the member row that issued it and its platform; null when none matches. */
export async function takeLinkCode(
  db: Database,
  code: string,
  now: Date,
): Promise<{ memberId: number; platform: Platform } | null> {
  const [taken] = await db
    .delete(confirmations)
    .where(and(eq(confirmations.action, LINK_ACTION), eq(confirmations.code, code), gt(confirmations.expiresAt, now)))
    .returning({ memberId: confirmations.memberId });
  if (!taken) return null;
  const [row] = await db
    .select({ platform: communities.platform })
    .from(members)
    .innerJoin(communities, eq(communities.id, members.communityId))
    .where(eq(members.id, taken.memberId));
  return row ? { memberId: taken.memberId, platform: row.platform } : null;
}

/**
 * Joins `loser`'s history into `winner`'s: the loser's contracts whose id (or Upwork number) the
 * winner lacks move over, and recorded scores of days the winner lacks; the rest of the loser's
 * goes. Every row of the loser's group then points at the winner. Both rows locked by the caller.
 */
export async function joinHistories(
  db: Database,
  winner: number,
  loser: number,
): Promise<{ movedContracts: number; droppedContracts: number }> {
  const winnerIds = db
    .select({ id: sql`lower(${contracts.contractId})` })
    .from(contracts)
    .where(eq(contracts.memberId, winner));
  const winnerNumbers = db
    .select({ number: contracts.upworkContract })
    .from(contracts)
    .where(and(eq(contracts.memberId, winner), sql`${contracts.upworkContract} is not null`));
  const moved = await db
    .update(contracts)
    .set({ memberId: winner })
    .where(
      and(
        eq(contracts.memberId, loser),
        sql`lower(${contracts.contractId}) not in (${winnerIds})`,
        or(isNull(contracts.upworkContract), sql`${contracts.upworkContract} not in (${winnerNumbers})`),
      ),
    )
    .returning({ id: contracts.id });
  const dropped = await db.delete(contracts).where(eq(contracts.memberId, loser)).returning({ id: contracts.id });
  await db.execute(
    sql`update ${observations} set member_id = ${winner} where member_id = ${loser} and date not in (select date from ${observations} where member_id = ${winner})`,
  );
  await db.delete(observations).where(eq(observations.memberId, loser));
  await db.delete(undoSnapshots).where(eq(undoSnapshots.memberId, loser));
  await db.delete(chartCache).where(eq(chartCache.memberId, loser));
  // Reminders on if either wanted them (sent once, to the winner's platform); the winner's zone, else the loser's.
  await db.execute(sql`update ${members} w set reminders_opt_in = w.reminders_opt_in or l.reminders_opt_in,
      time_zone = coalesce(w.time_zone, l.time_zone), time_zone_fetched_at = case when w.time_zone is null then l.time_zone_fetched_at else w.time_zone_fetched_at end
    from ${members} l where w.id = ${winner} and l.id = ${loser}`);
  await db
    .update(members)
    .set({ historyMemberId: winner, remindersOptIn: false })
    .where(or(eq(members.id, loser), eq(members.historyMemberId, loser)));
  return { movedContracts: moved.length, droppedContracts: dropped.length };
}

interface GroupRow {
  id: number;
  platform: Platform;
  external_id: string;
  platform_user_id: string;
  history_member_id: number | null;
}

/**
 * Splits the caller's identity (their rows on `platform` as `platformUserId`) from the history
 * `owner` shares with another platform's. The side that loses the owner gets a home row of its own
 * (its personal-history row, else its first row) with a copy of the contracts, payments, recorded
 * scores, reminders and zone. False when the owner's group holds no other identity.
 */
export async function splitHistory(
  db: Database,
  owner: number,
  platform: Platform,
  platformUserId: string,
  historyCommunityExternalId: string,
): Promise<boolean> {
  const result = await db.execute(
    sql`select m.id, c.platform, c.external_id, m.platform_user_id, m.history_member_id from ${members} m join ${communities} c on c.id = m.community_id where m.id = ${owner} or m.history_member_id = ${owner} order by m.id`,
  );
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: GroupRow[] }).rows) as GroupRow[];
  const mine = rows.filter((row) => row.platform === platform && row.platform_user_id === platformUserId);
  const others = rows.filter((row) => !mine.includes(row));
  if (mine.length === 0 || others.length === 0) return false;
  const ownerIsMine = mine.some((row) => row.id === owner);
  const leaving = ownerIsMine ? others : mine;
  const home = leaving.find((row) => row.external_id === historyCommunityExternalId) ?? (leaving[0] as GroupRow);
  await copyHistory(db, owner, home.id);
  await db.update(members).set({ historyMemberId: null }).where(eq(members.id, home.id));
  const rest = leaving.filter((row) => row.id !== home.id).map((row) => row.id);
  if (rest.length > 0) await db.update(members).set({ historyMemberId: home.id }).where(inArray(members.id, rest));
  // The leaving side's leaderboard rows now read the copy (the owner's are expired by the dispatcher).
  await expireSnapshots(db, { memberId: home.id });
  return true;
}

/** Copies `from`'s contracts (with payments), recorded scores, reminders and zone to `to`, which has none. */
async function copyHistory(db: Database, from: number, to: number): Promise<void> {
  await db.execute(sql`insert into ${contracts} (member_id, contract_id, client, type, start_date, end_date, earnings_cents, last_payment, stars, private_score, end_reason,
      disputed, refunded, client_flagged, paused_for_client, counted, upwork_contract, upwork_title, refund_sources, created_at, updated_at)
    select ${to}, contract_id, client, type, start_date, end_date, earnings_cents, last_payment, stars, private_score, end_reason,
      disputed, refunded, client_flagged, paused_for_client, counted, upwork_contract, upwork_title, refund_sources, created_at, updated_at
    from ${contracts} where member_id = ${from} order by id`);
  await db.execute(sql`insert into payments (contract_row_id, date, amount_cents, source_id)
    select copy.id, p.date, p.amount_cents, p.source_id from payments p
    join ${contracts} original on original.id = p.contract_row_id and original.member_id = ${from}
    join ${contracts} copy on copy.member_id = ${to} and lower(copy.contract_id) = lower(original.contract_id)
    order by p.id`);
  await db.execute(sql`insert into ${observations} (member_id, date, score, longterm, created_at, updated_at)
    select ${to}, date, score, longterm, created_at, updated_at from ${observations} where member_id = ${from}`);
  await db.execute(sql`update ${members} t set reminders_opt_in = f.reminders_opt_in, time_zone = f.time_zone, time_zone_fetched_at = f.time_zone_fetched_at
    from ${members} f where t.id = ${to} and f.id = ${from}`);
}
