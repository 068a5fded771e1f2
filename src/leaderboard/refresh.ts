// Keeps leaderboard snapshots current. Three steps, each in batches of one transaction:
//   1. promote: snapshots that ran out move on to their precomputed next standing. A read does it
//      in one UPDATE; the job saves each moved row once with its following standing computed too,
//      rather than an UPDATE now and step 3's save of the same row moments later;
//   2. recompute: snapshots still stale (expired by a write or a model change, or never
//      computed) are scored from their contracts;
//   3. look ahead (the job only): fresh snapshots get their next standing computed, so that the
//      next day change is step 1 again, not step 2.
// A leaderboard read runs 1 and 2 for its community, waiting for rows another reader holds; the
// periodic job runs all three for every community, leaving rows another instance holds to it.

import { modelOptionsOf } from '../contracts/model-options.ts';
import type { NextStanding, ScoreSnapshot, StaleSnapshot, Store } from '../ports/store.ts';
import {
  formatDay,
  parseDay,
  prepareMember,
  standingOf,
  type Contract,
  type PreparedMember,
} from '../scoring/index.ts';

/** Members recomputed per transaction: large enough to amortise round trips, small enough to keep locks short. */
const REFRESH_BATCH = 500;

export interface RefreshScope {
  /** One community's snapshots, or every community's when null. */
  communityId: number | null;
  /** The day to score as of (YYYY-MM-DD). */
  today: string;
  /** Leave rows another transaction holds (the job) instead of waiting for them (a reader). */
  skipLocked: boolean;
  /** The caller has just seen stale rows in this community (a read): skip the probe that would say so again. */
  knownStale?: boolean;
  /** Also compute next standings ahead (the job; a reader leaves it to the job). */
  lookAhead?: boolean;
  batchSize?: number;
}

export interface RefreshCounts {
  promoted: number;
  recomputed: number;
  lookedAhead: number;
}

function dayAfter(day: string): string {
  return formatDay((parseDay(day) as number) + 1);
}

/** The standing that starts the day after `validUntil`: nothing new is recorded meanwhile, so it is known now. */
function nextStanding(
  stale: StaleSnapshot,
  contracts: readonly Contract[] | PreparedMember,
  validUntil: string,
): NextStanding {
  const next = standingOf(contracts, dayAfter(validUntil), modelOptionsOf(stale));
  return {
    score: next.score,
    window: next.window,
    longTermPercent: next.longTermPercent,
    outcomes: next.outcomes,
    validUntil: next.validUntil,
  };
}

/** A member's snapshot as of `today`, scored with their community's model (and the next standing, if asked). */
export function snapshotFor(
  stale: StaleSnapshot,
  contracts: readonly Contract[],
  today: string,
  lookAhead = false,
): ScoreSnapshot {
  // Prepared once: the next standing re-prepares it for its day without parsing the contracts again.
  const options = modelOptionsOf(stale);
  const member = prepareMember(contracts, today, options);
  const standing = standingOf(member, today, options);
  // Never before today, or the row would stay stale and be recomputed forever.
  const validUntil = standing.validUntil < today ? today : standing.validUntil;
  return {
    memberId: stale.memberId,
    communityId: stale.communityId,
    model: stale.model,
    score: standing.score,
    window: standing.window,
    longTermPercent: standing.longTermPercent,
    outcomes: standing.outcomes,
    computedOn: today,
    validUntil,
    next: lookAhead ? nextStanding(stale, member, validUntil) : null,
  };
}

/**
 * A snapshot moved on to its precomputed next standing (as promoteSnapshots moves it: computed on
 * the day after the old one ran out), with the standing after that computed from the contracts.
 */
function promotedWithNext(
  row: StaleSnapshot & { snapshot: ScoreSnapshot },
  contracts: readonly Contract[],
): ScoreSnapshot {
  const { snapshot } = row;
  const next = snapshot.next;
  if (!next) throw new Error(`snapshot of member ${row.memberId} has no next standing to move on to`);
  return {
    ...snapshot,
    score: next.score,
    window: next.window,
    longTermPercent: next.longTermPercent,
    outcomes: next.outcomes,
    computedOn: dayAfter(snapshot.validUntil),
    validUntil: next.validUntil,
    next: nextStanding(row, contracts, next.validUntil),
  };
}

/** Runs `batch` in transactions until one does less than a full batch; returns the total done. */
async function inBatches(store: Store, limit: number, batch: (tx: Store) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await store.transaction(batch);
    total += done;
    if (done < limit) return total;
  }
}

/** Brings every snapshot in scope up to `today`. */
export async function refreshStaleSnapshots(store: Store, scope: RefreshScope): Promise<RefreshCounts> {
  const limit = scope.batchSize ?? REFRESH_BATCH;
  const lookAhead = scope.lookAhead ?? false;
  // A read finds nothing to do on most days: one probe instead of an UPDATE and a transaction.
  if (
    scope.communityId !== null &&
    !lookAhead &&
    !scope.knownStale &&
    !(await store.hasStaleSnapshots(scope.communityId, scope.today))
  ) {
    return { promoted: 0, recomputed: 0, lookedAhead: 0 };
  }
  const promoted = !lookAhead
    ? await store.promoteSnapshots({ communityId: scope.communityId, today: scope.today })
    : await inBatches(store, limit, async (tx) => {
        const rows = await tx.claimSnapshotsToPromote({
          communityId: scope.communityId,
          today: scope.today,
          limit,
          skipLocked: scope.skipLocked,
        });
        if (rows.length === 0) return 0;
        const contracts = await tx.listContractsOf(rows.map((row) => row.memberId));
        await tx.saveSnapshots(rows.map((row) => promotedWithNext(row, contracts.get(row.memberId) ?? [])));
        return rows.length;
      });
  const recomputed = await inBatches(store, limit, async (tx) => {
    const stale = await tx.claimStaleSnapshots({
      communityId: scope.communityId,
      today: scope.today,
      limit,
      skipLocked: scope.skipLocked,
    });
    if (stale.length === 0) return 0;
    const contracts = await tx.listContractsOf(stale.map((row) => row.memberId));
    await tx.saveSnapshots(
      stale.map((row) => snapshotFor(row, contracts.get(row.memberId) ?? [], scope.today, lookAhead)),
    );
    return stale.length;
  });
  const lookedAhead = !lookAhead
    ? 0
    : await inBatches(store, limit, async (tx) => {
        const rows = await tx.claimSnapshotsWithoutNext({ today: scope.today, limit });
        if (rows.length === 0) return 0;
        const contracts = await tx.listContractsOf(rows.map((row) => row.memberId));
        await tx.saveSnapshots(
          rows.map((row) => ({
            ...row.snapshot,
            next: nextStanding(row, contracts.get(row.memberId) ?? [], row.snapshot.validUntil),
          })),
        );
        return rows.length;
      });
  return { promoted, recomputed, lookedAhead };
}
