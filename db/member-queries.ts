// Communities and members. ensure* read first (the common case: nothing changes, so no write and
// no row lock held to the end of the caller's transaction), then upsert, which is safe when many
// requests create the same row at once.

import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  Community,
  CommunityMember,
  CommunityRef,
  CommunitySettings,
  Member,
  MemberFlags,
  MemberWithHistory,
} from '../src/ports/store.ts';
import type { Database } from './database.ts';
import { communities, members } from './schema.ts';
import { addExpiredSnapshot, deleteSnapshot } from './snapshot-queries.ts';

type CommunityRow = typeof communities.$inferSelect;
type MemberRow = typeof members.$inferSelect;

function toCommunity(row: CommunityRow): Community {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    name: row.name,
    model: row.model,
    params: row.params,
    leaderboardEnabled: row.leaderboardEnabled,
  };
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    communityId: row.communityId,
    platformUserId: row.platformUserId,
    displayName: row.displayName,
    leaderboardOptIn: row.leaderboardOptIn,
    remindersOptIn: row.remindersOptIn,
    timeZone: row.timeZone,
    timeZoneFetchedAt: row.timeZoneFetchedAt,
    // Only when set: most members own their history and have nothing merged.
    ...(row.historyMemberId !== null && { historyMemberId: row.historyMemberId }),
    ...(row.mergedCopies.length > 0 && { mergedCopies: row.mergedCopies }),
  };
}

function returned<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`no ${what}`);
  return row;
}

/** A name that is absent (null or undefined) keeps the stored one: not every request knows it. */
export async function ensureCommunity(db: Database, ref: CommunityRef): Promise<Community> {
  const name = ref.name ?? null;
  const [existing] = await db
    .select()
    .from(communities)
    .where(and(eq(communities.platform, ref.platform), eq(communities.externalId, ref.externalId)))
    .limit(1);
  if (existing && (name === null || existing.name === name)) return toCommunity(existing);
  const rows = await db
    .insert(communities)
    .values({ platform: ref.platform, externalId: ref.externalId, name })
    .onConflictDoUpdate({
      target: [communities.platform, communities.externalId],
      set: { name: sql`coalesce(excluded.name, ${communities.name})` },
    })
    .returning();
  return toCommunity(returned(rows, 'community'));
}

export async function updateCommunity(
  db: Database,
  communityId: number,
  settings: CommunitySettings,
): Promise<Community> {
  const set: Partial<typeof communities.$inferInsert> = {};
  if (settings.model !== undefined) set.model = settings.model;
  if (settings.params !== undefined) set.params = settings.params;
  if (settings.leaderboardEnabled !== undefined) set.leaderboardEnabled = settings.leaderboardEnabled;
  const rows =
    Object.keys(set).length === 0
      ? await db.select().from(communities).where(eq(communities.id, communityId))
      : await db.update(communities).set(set).where(eq(communities.id, communityId)).returning();
  return toCommunity(returned(rows, `community ${communityId}`));
}

export async function ensureMember(
  db: Database,
  communityId: number,
  platformUserId: string,
  displayName: string,
): Promise<Member> {
  const existing = await findMember(db, communityId, platformUserId);
  if (existing && existing.displayName === displayName) return existing;
  const rows = await db
    .insert(members)
    .values({ communityId, platformUserId, displayName })
    .onConflictDoUpdate({
      target: [members.communityId, members.platformUserId],
      set: { displayName: sql`excluded.display_name` },
    })
    .returning();
  return toMember(returned(rows, 'member'));
}

export async function findMemberById(db: Database, memberId: number): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.id, memberId)).limit(1);
  return row ? toMember(row) : null;
}

export async function findMember(db: Database, communityId: number, platformUserId: string): Promise<Member | null> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.communityId, communityId), eq(members.platformUserId, platformUserId)))
    .limit(1);
  return row ? toMember(row) : null;
}

const historyRows = alias(members, 'history');

/** The community, its member and their history row in one statement, prepared once per database or transaction. */
const communityMembers = new WeakMap<Database, ReturnType<typeof prepareCommunityMember>>();

function prepareCommunityMember(db: Database) {
  return db
    .select({ community: communities, member: members, history: historyRows })
    .from(communities)
    .leftJoin(
      members,
      and(eq(members.communityId, communities.id), eq(members.platformUserId, sql.placeholder('platformUserId'))),
    )
    .leftJoin(historyRows, eq(historyRows.id, members.historyMemberId))
    .where(
      and(
        eq(communities.platform, sql.placeholder('platform')),
        eq(communities.externalId, sql.placeholder('externalId')),
      ),
    )
    .limit(1)
    .prepare('community_member');
}

export async function findCommunityMember(
  db: Database,
  ref: CommunityRef,
  platformUserId: string,
): Promise<CommunityMember> {
  let prepared = communityMembers.get(db);
  if (!prepared) {
    prepared = prepareCommunityMember(db);
    communityMembers.set(db, prepared);
  }
  const [row] = await prepared.execute({ platform: ref.platform, externalId: ref.externalId, platformUserId });
  return {
    community: row ? toCommunity(row.community) : null,
    member: row?.member ? toMember(row.member) : null,
    history: row?.history ? toMember(row.history) : null,
  };
}

/**
 * The member and their person's history row. Most requests find both linked and the name unchanged:
 * one read. Otherwise each row is created if missing and the member pointed at the history row.
 */
export async function ensureMemberWithHistory(
  db: Database,
  communityId: number,
  historyCommunityId: number,
  platformUserId: string,
  displayName: string,
): Promise<MemberWithHistory> {
  const [found] = await db
    .select({ member: members, history: historyRows })
    .from(members)
    .leftJoin(historyRows, eq(historyRows.id, members.historyMemberId))
    .where(and(eq(members.communityId, communityId), eq(members.platformUserId, platformUserId)))
    .limit(1);
  if (found?.history && found.member.displayName === displayName)
    return { member: toMember(found.member), history: toMember(found.history) };
  const personal = await ensureHistoryRow(db, historyCommunityId, platformUserId, displayName);
  // A person linked to another platform (the link command): their history is that one's.
  const linkedTo = personal.historyMemberId ? await findMemberById(db, personal.historyMemberId) : null;
  const history = linkedTo ?? personal;
  const member = await ensureMember(db, communityId, platformUserId, displayName);
  if (member.historyMemberId === history.id) return { member, history };
  // Only a member not linked yet: a concurrent request linked it to the same row (one per user).
  const [linked] = await db
    .update(members)
    .set({ historyMemberId: history.id })
    .where(and(eq(members.id, member.id), isNull(members.historyMemberId)))
    .returning();
  const now = linked ? toMember(linked) : await findMember(db, communityId, platformUserId);
  if (!now) throw new Error(`member ${member.id} went while being linked to their history`);
  return { member: now, history };
}

/** The person's history row: created once with the name first seen; a server's nickname does not rename it. */
async function ensureHistoryRow(
  db: Database,
  historyCommunityId: number,
  platformUserId: string,
  displayName: string,
): Promise<Member> {
  const existing = await findMember(db, historyCommunityId, platformUserId);
  if (existing) return existing;
  const [inserted] = await db
    .insert(members)
    .values({ communityId: historyCommunityId, platformUserId, displayName })
    .onConflictDoNothing()
    .returning();
  if (inserted) return toMember(inserted);
  return returned(
    [await findMember(db, historyCommunityId, platformUserId)].filter((row): row is Member => row !== null),
    'history member',
  );
}

/**
 * A member has a leaderboard snapshot exactly while opted in: joining adds a stale placeholder
 * (computed on the next read), leaving deletes it, in the caller's transaction.
 */
export async function setMemberFlags(db: Database, memberId: number, flags: MemberFlags): Promise<Member> {
  const set: Partial<typeof members.$inferInsert> = {};
  if (flags.leaderboardOptIn !== undefined) set.leaderboardOptIn = flags.leaderboardOptIn;
  if (flags.remindersOptIn !== undefined) set.remindersOptIn = flags.remindersOptIn;
  const rows =
    Object.keys(set).length === 0
      ? await db.select().from(members).where(eq(members.id, memberId))
      : await db.update(members).set(set).where(eq(members.id, memberId)).returning();
  const member = toMember(returned(rows, `member ${memberId}`));
  if (flags.leaderboardOptIn === true) await addExpiredSnapshot(db, member.id, member.communityId);
  if (flags.leaderboardOptIn === false) await deleteSnapshot(db, member.id);
  return member;
}

/** The member's time zone (null clears it); null when the member is gone. */
export async function setMemberTimeZone(
  db: Database,
  memberId: number,
  timeZone: string | null,
  fetchedAt: Date | null,
): Promise<Member | null> {
  // A zone from the platform (fetchedAt set) never replaces one the member chose meanwhile.
  const platformMayWrite =
    fetchedAt === null ? undefined : or(isNull(members.timeZone), isNotNull(members.timeZoneFetchedAt));
  const [row] = await db
    .update(members)
    .set({ timeZone, timeZoneFetchedAt: fetchedAt })
    .where(and(eq(members.id, memberId), platformMayWrite))
    .returning();
  return row ? toMember(row) : null;
}

export async function forgetMember(db: Database, memberId: number): Promise<boolean> {
  // Contracts, payments, observations, snapshots, undo snapshots and confirmations go with the member
  // (ON DELETE CASCADE); so do the server rows whose history it owns, with their leaderboard rows.
  const deleted = await db.delete(members).where(eq(members.id, memberId)).returning({ id: members.id });
  return deleted.length > 0;
}

/**
 * FOR NO KEY UPDATE, not FOR UPDATE: it conflicts with itself (so a member's writes queue) but not
 * with the KEY SHARE lock a foreign-key check takes when another transaction inserts a row that
 * references the member. With FOR UPDATE, the reminder job's enqueue (one row per member who wants
 * reminders) and a snapshot inserted for the member would wait for every write in progress.
 * No deadlock with the leaderboard refresh: it locks snapshot rows and never a member row, while a
 * write takes the member row first and its snapshot row last (expireSnapshots), so no cycle forms.
 */
export async function lockMember(db: Database, memberId: number): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.id, memberId)).for('no key update');
  return row ? toMember(row) : null;
}
