// The scores a member saw on Upwork: one row per member and day. Every query is keyed by member
// id, so a member reaches only their own records.

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Observation } from '../src/scoring/index.ts';
import type { Database } from './database.ts';
import { members, observations } from './schema.ts';
import type { RecordedObservation } from '../src/ports/store.ts';

type ObservationRow = Pick<typeof observations.$inferSelect, 'date' | 'score' | 'longterm'>;

const OBSERVATION_COLUMNS = { date: observations.date, score: observations.score, longterm: observations.longterm };

function toObservation(row: ObservationRow): Observation {
  return { date: row.date, score: row.score, longterm: row.longterm };
}

function byDay(memberId: number, date: string) {
  return and(eq(observations.memberId, memberId), eq(observations.date, date));
}

/** The member's records, oldest first. */
export async function listObservations(db: Database, memberId: number): Promise<Observation[]> {
  let prepared = memberObservations.get(db);
  if (!prepared) {
    prepared = prepareMemberObservations(db);
    memberObservations.set(db, prepared);
  }
  const rows = await prepared.execute({ memberId });
  return rows.map(toObservation);
}

/** Every score reads them: prepared once per database or transaction (no query building per read). */
const memberObservations = new WeakMap<Database, ReturnType<typeof prepareMemberObservations>>();

function prepareMemberObservations(db: Database) {
  return db
    .select(OBSERVATION_COLUMNS)
    .from(observations)
    .where(eq(observations.memberId, sql.placeholder('memberId')))
    .orderBy(asc(observations.date))
    .prepare('member_observations');
}

/** Each member of the community who recorded anything, with their records oldest first. */
export async function observationsInCommunity(db: Database, communityId: number): Promise<Map<number, Observation[]>> {
  const rows = await db
    .select({ memberId: observations.memberId, ...OBSERVATION_COLUMNS })
    .from(observations)
    // A Discord member's scores are on their person's history row (members.history_member_id).
    .innerJoin(members, eq(sql`coalesce(${members.historyMemberId}, ${members.id})`, observations.memberId))
    .where(eq(members.communityId, communityId))
    .orderBy(asc(observations.memberId), asc(observations.date));
  const result = new Map<number, Observation[]>();
  for (const row of rows) {
    const list = result.get(row.memberId);
    if (list) list.push(toObservation(row));
    else result.set(row.memberId, [toObservation(row)]);
  }
  return result;
}

/**
 * Records the day's reading, replacing the one recorded before on that day, and says which it
 * replaced. Two recordings of one day at once: the row lock taken by the UPDATE (or the unique key
 * met by a concurrent INSERT, after which the UPDATE is tried again) orders them, so each learns
 * truly whether it created the row or replaced the other's.
 */
export function recordObservation(
  db: Database,
  memberId: number,
  observation: Observation,
): Promise<RecordedObservation> {
  const values = { score: observation.score, longterm: observation.longterm ?? null };
  return db.transaction(async (tx) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [previous] = await tx
        .select(OBSERVATION_COLUMNS)
        .from(observations)
        .where(byDay(memberId, observation.date))
        .for('update');
      if (previous) {
        await tx
          .update(observations)
          .set({ ...values, updatedAt: new Date() })
          .where(byDay(memberId, observation.date));
        return { replaced: toObservation(previous) };
      }
      const inserted = await tx
        .insert(observations)
        .values({ memberId, date: observation.date, ...values })
        .onConflictDoNothing()
        .returning({ date: observations.date });
      if (inserted.length > 0) return { replaced: null };
      // Someone else's insert of the same day won: the next round locks and replaces it.
    }
    throw new Error(`recording the observation of ${observation.date} kept meeting concurrent changes`);
  });
}

export async function deleteObservation(db: Database, memberId: number, date: string): Promise<boolean> {
  const deleted = await db.delete(observations).where(byDay(memberId, date)).returning({ date: observations.date });
  return deleted.length > 0;
}

export async function deleteAllObservations(db: Database, memberId: number): Promise<number> {
  const deleted = await db
    .delete(observations)
    .where(eq(observations.memberId, memberId))
    .returning({ date: observations.date });
  return deleted.length;
}
