// Recomputes stale leaderboard snapshots in batches: on a leaderboard read (for its community,
// waiting for rows another reader holds) and in the periodic job (for every community, leaving
// rows another instance holds to it). Each batch is one transaction: lock, load, score, save.

import type { ScoreSnapshot, StaleSnapshot, Store } from '../../db/store.ts';
import type { Contract } from '../scoring/index.ts';
import { standingOf } from '../scoring/standing.ts';

/** Members recomputed per transaction: large enough to amortise round trips, small enough to keep locks short. */
export const REFRESH_BATCH = 500;

export interface RefreshScope {
  /** One community's snapshots, or every community's when null. */
  communityId: number | null;
  /** The day to score as of (YYYY-MM-DD). */
  today: string;
  /** Leave rows another transaction holds (the job) instead of waiting for them (a reader). */
  skipLocked: boolean;
  batchSize?: number;
}

/** A member's snapshot as of `today`, scored with their community's model. */
export function snapshotFor(stale: StaleSnapshot, contracts: readonly Contract[], today: string): ScoreSnapshot {
  const options = Object.keys(stale.params).length > 0 ? { model: stale.model, params: stale.params } : { model: stale.model };
  const standing = standingOf(contracts, today, options);
  return {
    memberId: stale.memberId,
    communityId: stale.communityId,
    model: stale.model,
    score: standing.score,
    window: standing.window,
    longTermPercent: standing.longTermPercent,
    outcomes: standing.outcomes,
    computedOn: today,
    // Never before today, or the row would stay stale and be recomputed forever.
    validUntil: standing.validUntil < today ? today : standing.validUntil,
  };
}

/** Recomputes every stale snapshot in scope; returns how many. */
export async function refreshStaleSnapshots(store: Store, scope: RefreshScope): Promise<number> {
  const limit = scope.batchSize ?? REFRESH_BATCH;
  let refreshed = 0;
  for (;;) {
    const done = await store.transaction(async (tx) => {
      const stale = await tx.claimStaleSnapshots({ communityId: scope.communityId, today: scope.today, limit, skipLocked: scope.skipLocked });
      if (stale.length === 0) return 0;
      const contracts = await tx.listContractsOf(stale.map((row) => row.memberId));
      await tx.saveSnapshots(stale.map((row) => snapshotFor(row, contracts.get(row.memberId) ?? [], scope.today)));
      return stale.length;
    });
    refreshed += done;
    if (done < limit) return refreshed;
  }
}
