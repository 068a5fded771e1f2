// The daily reminder work as a queue in PostgreSQL (table reminder_deliveries): one row per member
// who wants reminders and day. Any number of bot instances on one database may run the job at the
// same time; each row is claimed by one of them.
//
// The delivery guarantee. processBatch claims pending rows with FOR UPDATE SKIP LOCKED, calls
// `work` for each (which sends the direct message) and records the outcome in the same
// transaction, then commits. A second worker never sees a row locked by the first (SKIP LOCKED),
// and once the first commits the row is no longer pending, so:
//   - in every case but one, each reminder is sent exactly once;
//   - the exception: a crash (process killed, connection lost, machine down) after a message went
//     out and before its batch committed rolls the batch back; its rows are pending again and the
//     messages sent in it go out again on the next run: at-least-once there, for at most the
//     messages of that one batch (a batch of 1 narrows it to the one message in flight).
// A send that reports a failure is recorded as 'failed' and retried on later runs (enqueueDay puts
// it back) until it has been tried MAX_ATTEMPTS times; then it stays 'failed'. A failure the
// platform reports after it did deliver (a timeout on the way back) is re-sent like any failure.
//
// PGlite is one session: its transactions run one after another (PGlite queues every query
// behind an open transaction), so two queues on one PGlite take turns and SKIP LOCKED never has
// anything to skip; the result is the same. Two consequences for callers: `work` must not query
// the database outside the transaction it is given (on PGlite that would wait for itself), and a
// batch holds PGlite (every other query of the process waits) while its messages go out.

import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { loadContracts } from './contract-queries.ts';
import type { Database } from './database.ts';
import { communities, members, reminderDeliveries, type ReminderStatus } from './schema.ts';
import { FALLBACK_TIME_ZONE } from '../src/commands/time-zone.ts';
import { MAX_ATTEMPTS, type BatchResult, type QueueScope, type ReminderQueue } from '../src/ports/reminder-queue.ts';

/** The longest error text kept in last_error. */
const ERROR_MAX = 500;

function platformFilter(scope: QueueScope | undefined) {
  return scope?.platforms ? inArray(communities.platform, [...scope.platforms]) : undefined;
}

/** A member's zone as the schedule names it: their own, or the fallback when they have none. */
const memberZone = sql<string>`coalesce(${members.timeZone}, ${FALLBACK_TIME_ZONE})`;

function timeZoneFilter(scope: QueueScope | undefined) {
  return scope?.timeZones ? inArray(memberZone, [...scope.timeZones]) : undefined;
}

export function createReminderQueue(db: Database): ReminderQueue {
  return {
    async timeZones(scope) {
      if (scope?.platforms?.length === 0) return [];
      const rows = await db
        .selectDistinct({ zone: memberZone })
        .from(members)
        .innerJoin(communities, eq(communities.id, members.communityId))
        .where(and(eq(members.remindersOptIn, true), platformFilter(scope)));
      return rows.map((row) => row.zone);
    },

    async enqueueDay(day, scope) {
      if (scope?.platforms?.length === 0) return 0;
      const platforms = platformFilter(scope);
      const added = await db
        .insert(reminderDeliveries)
        .select(
          db
            .select({
              memberId: members.id,
              day: sql<string>`${day}::date`.as('day'),
              status: sql<ReminderStatus>`'pending'`.as('status'),
              attempts: sql<number>`0`.as('attempts'),
              lastError: sql<string | null>`null`.as('last_error'),
              updatedAt: sql<Date>`now()`.as('updated_at'),
            })
            .from(members)
            .innerJoin(communities, eq(communities.id, members.communityId))
            .where(and(eq(members.remindersOptIn, true), platforms, timeZoneFilter(scope))),
        )
        .onConflictDoNothing()
        .returning({ memberId: reminderDeliveries.memberId });
      // A failure of an earlier run of the same day gets another try, while it has tries left.
      const retryable = db
        .select({ memberId: members.id })
        .from(members)
        .innerJoin(communities, eq(communities.id, members.communityId))
        .where(platforms);
      await db
        .update(reminderDeliveries)
        .set({ status: 'pending', updatedAt: sql`now()` })
        .where(
          and(
            eq(reminderDeliveries.day, day),
            eq(reminderDeliveries.status, 'failed'),
            lt(reminderDeliveries.attempts, MAX_ATTEMPTS),
            platforms ? inArray(reminderDeliveries.memberId, retryable) : undefined,
          ),
        );
      return added.length;
    },

    processBatch(day, limit, work, scope) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .select({
            memberId: reminderDeliveries.memberId,
            attempts: reminderDeliveries.attempts,
            member: members,
            community: communities,
          })
          .from(reminderDeliveries)
          .innerJoin(members, eq(members.id, reminderDeliveries.memberId))
          .innerJoin(communities, eq(communities.id, members.communityId))
          .where(and(eq(reminderDeliveries.day, day), eq(reminderDeliveries.status, 'pending'), platformFilter(scope)))
          .orderBy(asc(reminderDeliveries.memberId))
          .limit(limit)
          // Only the delivery rows are locked: members and communities stay free for commands.
          .for('update', { of: reminderDeliveries, skipLocked: true });
        const result: BatchResult = { claimed: rows.length, sent: 0, nothing: 0, failed: 0, optedOut: 0 };
        if (rows.length === 0) return result;
        const contracts = await loadContracts(tx, rows.map((row) => row.memberId));
        const record = (memberId: number, set: { status: ReminderStatus; attempts?: SQL; lastError?: string }) =>
          tx
            .update(reminderDeliveries)
            .set({ ...set, updatedAt: sql`now()` })
            .where(and(eq(reminderDeliveries.memberId, memberId), eq(reminderDeliveries.day, day)));
        for (const row of rows) {
          if (!row.member.remindersOptIn) {
            await record(row.memberId, { status: 'nothing' });
            result.optedOut++;
            continue;
          }
          const { community, member } = row;
          const outcome = await work({
            memberId: row.memberId,
            day,
            attempts: row.attempts,
            platform: community.platform,
            platformUserId: member.platformUserId,
            displayName: member.displayName,
            community: {
              id: community.id,
              platform: community.platform,
              externalId: community.externalId,
              name: community.name,
              model: community.model,
              params: community.params,
              leaderboardEnabled: community.leaderboardEnabled,
            },
            contracts: contracts.get(row.memberId) ?? [],
          });
          const attempts = sql`${reminderDeliveries.attempts} + 1`;
          if (outcome.status === 'failed') {
            await record(row.memberId, { status: 'failed', attempts, lastError: outcome.error.slice(0, ERROR_MAX) });
            result.failed++;
          } else {
            await record(row.memberId, { status: outcome.status, attempts });
            result[outcome.status]++;
          }
        }
        return result;
      });
    },
  };
}
