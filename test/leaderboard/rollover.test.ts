// The day's rollover in the refresh job: each snapshot that ran out is written once, moved on to
// its precomputed next standing with the standing after that computed in the same write (issue 15:
// it used to be an UPDATE and then the look-ahead's save of the same row).

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/bulk-insert.ts';
import type { Database } from '../../db/database.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import { refreshStaleSnapshots, snapshotFor } from '../../src/leaderboard/refresh.ts';
import type { Store } from '../../src/ports/store.ts';
import { commandContext, TEST_AS_OF } from '../helpers/command-context.ts';
import { databaseKinds } from '../helpers/databases.ts';

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.each(databaseKinds)('the refresh job on a day change on $name', (kind) => {
  let store: Store;
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, db, close } = await kind.open());
    // Every row version written to score_snapshots, by member: what "written once" is measured by.
    await db.execute(sql`create table snapshot_writes (member_id integer not null)`);
    await db.execute(sql`create function count_snapshot_write() returns trigger language plpgsql as $$
      begin insert into snapshot_writes values (new.member_id); return new; end $$`);
    await db.execute(sql`create trigger count_snapshot_writes after insert or update on score_snapshots
      for each row execute function count_snapshot_write()`);
  });
  afterAll(async () => close());

  async function writesOf(memberId: number): Promise<number> {
    const rows = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from snapshot_writes where member_id = ${memberId}`),
    );
    return Number(rows[0]?.n ?? 0);
  }

  it('moves each run-out snapshot on in one write, its following standing computed, as recomputing with look-ahead would', async () => {
    const team = 'team-rollover';
    const run = (text: string) => runCommandText({ store }, commandContext('slack', team, 'ann'), text);
    for (const line of [
      'add id:neg client:Old type:fixed start:2025-11-01 end:2025-12-15 earnings:500 stars:2',
      'add id:s1 client:A type:fixed start:2026-06-01 end:2026-06-20 earnings:500 stars:5',
      'add id:s2 client:B type:fixed start:2026-07-01 end:2026-07-20 earnings:500 stars:5',
      'add id:open client:C type:hourly start:2026-08-01 earnings:900 lastPayment:2026-10-30',
    ]) {
      expect((await run(line)).kind).toBe('success');
    }
    await run('join');
    const community = await store.ensureCommunity({ platform: 'slack', externalId: team });
    const ann = await store.findMember(community.id, 'ann');
    if (!ann) throw new Error('no member ann');
    const job = (today: string) =>
      refreshStaleSnapshots(store, { communityId: null, today, skipLocked: true, lookAhead: true });

    await job(TEST_AS_OF);
    const before = await store.getSnapshot(ann.id);
    if (!before?.next) throw new Error('the job should have looked ahead');
    const nextDay = dayAfter(before.validUntil);
    const written = await writesOf(ann.id);

    expect(await job(nextDay)).toEqual({ promoted: 1, recomputed: 0, lookedAhead: 0 });
    expect(await writesOf(ann.id)).toBe(written + 1);
    const after = await store.getSnapshot(ann.id);
    const recomputed = snapshotFor(
      { memberId: ann.id, communityId: community.id, model: 'upwork-2025', params: {} },
      await store.listContracts(ann.id),
      nextDay,
      true,
    );
    expect(after).toEqual(recomputed);
    expect(after?.score).toBe(before.next.score);
    expect(after?.next).not.toBeNull();

    // Nothing left for the job on the same day: a second run writes nothing.
    expect(await job(nextDay)).toEqual({ promoted: 0, recomputed: 0, lookedAhead: 0 });
    expect(await writesOf(ann.id)).toBe(written + 1);
  });
});
