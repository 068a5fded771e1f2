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
//
// Most members have nothing to send on a given day. settleQuiet reads many pending rows at once
// (no lock), asks the caller's pure `hasMessage` about each, and marks the quiet ones 'nothing' in
// one UPDATE that takes only rows still pending and not locked by another worker; the rest stay
// pending for processBatch. No message goes out in it, so its batches can be large, and it holds
// no lock while the finder runs. Every batch records its outcomes in one UPDATE.

import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { chunked, rowsOf } from './bulk-insert.ts';
import { loadContracts } from './contract-queries.ts';
import type { Database } from './database.ts';
import { communities, members, reminderDeliveries, type ReminderStatus } from './schema.ts';
import { FALLBACK_TIME_ZONE } from '../src/commands/time-zone.ts';
import {
  MAX_ATTEMPTS,
  type BatchResult,
  type QueueScope,
  type QuietResult,
  type ReminderItem,
  type ReminderQueue,
} from '../src/ports/reminder-queue.ts';

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

/** One row's outcome: its new status, whether it counts as a try, and the error of a failed one. */
interface Outcome {
  memberId: number;
  status: ReminderStatus;
  tried: boolean;
  error: string | null;
}

/**
 * Up to `limit` pending rows of `day` (after `afterMemberId`, in member order) with what `work`
 * needs; `lock`: claimed (FOR UPDATE SKIP LOCKED) to the end of the transaction.
 */
async function claim(
  tx: Database,
  day: string,
  limit: number,
  scope: QueueScope | undefined,
  afterMemberId = 0,
  lock = true,
) {
  const query = tx
    .select({
      memberId: reminderDeliveries.memberId,
      attempts: reminderDeliveries.attempts,
      member: members,
      community: communities,
    })
    .from(reminderDeliveries)
    .innerJoin(members, eq(members.id, reminderDeliveries.memberId))
    .innerJoin(communities, eq(communities.id, members.communityId))
    .where(
      and(
        eq(reminderDeliveries.day, day),
        eq(reminderDeliveries.status, 'pending'),
        gt(reminderDeliveries.memberId, afterMemberId),
        platformFilter(scope),
      ),
    )
    .orderBy(asc(reminderDeliveries.memberId))
    .limit(limit);
  // Only the delivery rows are locked: members and communities stay free for commands.
  const rows = lock ? await query.for('update', { of: reminderDeliveries, skipLocked: true }) : await query;
  const contracts = await loadContracts(
    tx,
    rows.map((row) => row.memberId),
  );
  return rows.map((row) => {
    const { community, member } = row;
    const item: ReminderItem = {
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
    };
    return { item, optedOut: !member.remindersOptIn };
  });
}

/**
 * Records the outcomes of `day`'s rows: one UPDATE … FROM (VALUES …) per 1,000 rows (4,000
 * parameters; one statement for any batch the job makes). `onlyPendingUnlocked`: only rows still
 * pending that no other transaction holds (SKIP LOCKED). Returns the rows it changed.
 */
async function record(
  db: Database,
  day: string,
  outcomes: readonly Outcome[],
  onlyPendingUnlocked = false,
): Promise<{ tried: boolean }[]> {
  const changed: { tried: boolean }[] = [];
  for (const chunk of chunked(outcomes, 1_000)) {
    const values = sql.join(
      chunk.map(
        (outcome) =>
          sql`(${outcome.memberId}::integer, ${outcome.status}::text, ${outcome.tried ? 1 : 0}::integer, ${outcome.error}::text)`,
      ),
      sql`, `,
    );
    const guard = onlyPendingUnlocked
      ? sql` and d.member_id in (select member_id from ${reminderDeliveries} where day = ${day}::date and status = 'pending' and member_id in (${sql.join(
          chunk.map((outcome) => sql`${outcome.memberId}`),
          sql`, `,
        )}) for update skip locked)`
      : sql``;
    const result = await db.execute(sql`
      update ${reminderDeliveries} as d
      set status = v.status, attempts = d.attempts + v.tried, last_error = coalesce(v.last_error, d.last_error), updated_at = now()
      from (values ${values}) as v(member_id, status, tried, last_error)
      where d.member_id = v.member_id and d.day = ${day}::date${guard}
      returning v.tried`);
    changed.push(...rowsOf<{ tried: number }>(result).map((row) => ({ tried: Number(row.tried) === 1 })));
  }
  return changed;
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

    // Read without locks, then one UPDATE that takes only the quiet rows still pending and not
    // locked by another worker (whose processBatch then records them): no lock is held while the
    // finder runs, and a row that has a message is never locked here, so no other worker skips it.
    async settleQuiet(day, limit, hasMessage, scope, afterMemberId = 0) {
      const read = await claim(db, day, limit, scope, afterMemberId, false);
      const result: QuietResult = {
        claimed: read.length,
        nothing: 0,
        optedOut: 0,
        lastMemberId: read.at(-1)?.item.memberId ?? afterMemberId,
      };
      const outcomes: Outcome[] = [];
      for (const { item, optedOut } of read) {
        if (optedOut) outcomes.push({ memberId: item.memberId, status: 'nothing', tried: false, error: null });
        else if (!hasMessage(item))
          outcomes.push({ memberId: item.memberId, status: 'nothing', tried: true, error: null });
      }
      for (const { tried } of await record(db, day, outcomes, true)) {
        if (tried) result.nothing++;
        else result.optedOut++;
      }
      return result;
    },

    processBatch(day, limit, work, scope) {
      return db.transaction(async (tx) => {
        const claimed = await claim(tx, day, limit, scope);
        const result: BatchResult = { claimed: claimed.length, sent: 0, nothing: 0, failed: 0, optedOut: 0 };
        const outcomes: Outcome[] = [];
        for (const { item, optedOut } of claimed) {
          if (optedOut) {
            outcomes.push({ memberId: item.memberId, status: 'nothing', tried: false, error: null });
            result.optedOut++;
            continue;
          }
          const outcome = await work(item);
          if (outcome.status === 'failed') {
            outcomes.push({
              memberId: item.memberId,
              status: 'failed',
              tried: true,
              error: outcome.error.slice(0, ERROR_MAX),
            });
            result.failed++;
          } else {
            outcomes.push({ memberId: item.memberId, status: outcome.status, tried: true, error: null });
            result[outcome.status]++;
          }
        }
        if (outcomes.length > 0) await record(tx, day, outcomes);
        return result;
      });
    },
  };
}
