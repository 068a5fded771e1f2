import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { startSnapshotRefresh } from '../../src/leaderboard/schedule.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('the background snapshot refresh on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await kind.open()));
  afterAll(async () => close());

  it('recomputes stale snapshots at start, logs how many, and stops cleanly', async () => {
    const community = await store.ensureCommunity({ platform: 'discord', externalId: 'g-refresh' });
    const member = await store.ensureMember(community.id, 'u1', 'One');
    await store.insertContract(member.id, {
      id: 'c1',
      client: 'A',
      type: 'fixed',
      start: '2026-01-01',
      end: '2026-02-01',
      earnings: 500,
      stars: 5,
    });
    await store.setMemberFlags(member.id, { leaderboardOptIn: true });
    const lines: string[] = [];
    const stop = startSnapshotRefresh({
      store,
      today: () => '2026-11-22',
      log: (line) => lines.push(line),
      everyMs: 60_000,
    });
    await stop();
    const snapshot = await store.getSnapshot(member.id);
    expect(snapshot?.computedOn).toBe('2026-11-22');
    expect(snapshot && snapshot.validUntil >= '2026-11-22').toBe(true);
    expect(
      lines.some((line) =>
        /leaderboard snapshots: 0 moved to their next standing, 1 recomputed, 0 looked ahead/.test(line),
      ),
    ).toBe(true);
    // The job computed the standing after this one too, ready for the day it runs out.
    expect(snapshot?.next?.validUntil && snapshot.next.validUntil > (snapshot?.validUntil ?? '')).toBe(true);
  });

  it('a failing run is logged, not thrown', async () => {
    const lines: string[] = [];
    const broken = {
      ...store,
      transaction: async () => {
        throw new Error('database down');
      },
    } as Store;
    const stop = startSnapshotRefresh({
      store: broken,
      today: () => '2026-11-22',
      log: (line) => lines.push(line),
      everyMs: 60_000,
    });
    await stop();
    expect(lines).toEqual(['refreshing leaderboard snapshots failed: database down']);
  });
});
