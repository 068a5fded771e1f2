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
import type { Contract } from '../src/scoring/types.ts';
import { loadContracts } from './contract-queries.ts';
import type { Database } from './database.ts';
import { communities, members, reminderDeliveries, type ReminderStatus } from './schema.ts';
import type { Community, Platform } from './store.ts';

/** How many times a failing reminder is tried in one day before it stays 'failed'. */
export const MAX_ATTEMPTS = 3;
/** The longest error text kept in last_error. */
const ERROR_MAX = 500;

/** One claimed reminder: who it is for, where to send it, and what to work it out from. */
export interface ReminderItem {
  memberId: number;
  day: string;
  /** Tries before this one (0 the first time). */
  attempts: number;
  platform: Platform;
  /** The member's id on their platform: a Slack user id, a Discord user id, the console user. */
  platformUserId: string;
  displayName: string;
  community: Community;
  contracts: Contract[];
}

export type ReminderOutcome = { status: 'sent' } | { status: 'nothing' } | { status: 'failed'; error: string };

export interface BatchResult {
  /** Rows claimed in this batch (0: nothing pending is left that this worker may take). */
  claimed: number;
  sent: number;
  nothing: number;
  failed: number;
  /** Members who turned reminders off after their row was made: marked 'nothing', `work` not called. */
  optedOut: number;
}

export interface QueueScope {
  /** Only members of communities on these platforms (the ones this instance can send to); all when absent. */
  platforms?: readonly Platform[];
}

export interface ReminderQueue {
  /**
   * Adds a pending row of `day` for every member with reminders on (none twice: ON CONFLICT DO
   * NOTHING, safe when several instances run it at once), and puts the day's failed rows with
   * tries left back to pending. Returns how many rows it added.
   */
  enqueueDay(day: string, scope?: QueueScope): Promise<number>;
  /**
   * Claims up to `limit` pending rows of `day` in one transaction, runs `work` for each and
   * records the outcomes, then commits. When `work` throws, the transaction rolls back (every row
   * of the batch stays pending) and the error propagates.
   */
  processBatch(day: string, limit: number, work: (item: ReminderItem) => Promise<ReminderOutcome>, scope?: QueueScope): Promise<BatchResult>;
}

function platformFilter(scope: QueueScope | undefined) {
  return scope?.platforms ? inArray(communities.platform, [...scope.platforms]) : undefined;
}

export function createReminderQueue(db: Database): ReminderQueue {
  return {
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
            .where(and(eq(members.remindersOptIn, true), platforms)),
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
