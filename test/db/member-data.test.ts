import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { confirmations, contracts, members, payments, scoreSnapshots, undoSnapshots } from '../../db/schema.ts';
import type { ScoreSnapshot, Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { asStored, contract, fullContract, newMember } from './fixtures.ts';

function snapshotOf(member: { id: number; communityId: number }, fields: Partial<ScoreSnapshot> = {}): ScoreSnapshot {
  return {
    memberId: member.id,
    communityId: member.communityId,
    model: 'upwork-2025',
    score: 92,
    window: '12m',
    longTermPercent: 40,
    outcomes: 6,
    computedOn: '2026-11-22',
    validUntil: '2026-12-31',
    next: null,
    ...fields,
  };
}

describe.each(databaseKinds)('leaderboard, snapshots and forgetting on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  /** Every row that belongs to the member, table by table. */
  async function rowsOf(memberId: number, contractRowIds: number[]) {
    return {
      members: await db.$count(members, eq(members.id, memberId)),
      contracts: await db.$count(contracts, eq(contracts.memberId, memberId)),
      payments: await db.$count(payments, inArray(payments.contractRowId, contractRowIds)),
      snapshots: await db.$count(scoreSnapshots, eq(scoreSnapshots.memberId, memberId)),
      confirmations: await db.$count(confirmations, eq(confirmations.memberId, memberId)),
      undo: await db.$count(undoSnapshots, eq(undoSnapshots.memberId, memberId)),
    };
  }

  async function contractRowIds(memberId: number): Promise<number[]> {
    return (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.memberId, memberId))).map(
      (row) => row.id,
    );
  }

  it('forgetMember leaves no row of the member in any table, and other members untouched', async () => {
    const { member } = await newMember(store, 'team-forget');
    const { member: other } = await newMember(store, 'team-forget');
    for (const someone of [member, other]) {
      await store.insertContract(someone.id, fullContract({ id: 'a' }));
      await store.insertContract(someone.id, fullContract({ id: 'b' }));
      await store.saveSnapshots([snapshotOf(someone)]);
      await store.createConfirmation(someone.id, 'forget', 'CODE', new Date('2999-01-01T00:00:00Z'));
      await store.saveUndoSnapshot(someone.id, 'remove a', new Date(), new Date('2999-01-01T00:00:00Z'));
    }
    const rowIds = await contractRowIds(member.id);
    expect(await rowsOf(member.id, rowIds)).toEqual({
      members: 1,
      contracts: 2,
      payments: 4,
      snapshots: 1,
      confirmations: 1,
      undo: 1,
    });

    expect(await store.forgetMember(member.id)).toBe(true);
    expect(await rowsOf(member.id, rowIds)).toEqual({
      members: 0,
      contracts: 0,
      payments: 0,
      snapshots: 0,
      confirmations: 0,
      undo: 0,
    });
    expect(await store.forgetMember(member.id)).toBe(false);
    expect(await store.findMember(member.communityId, member.platformUserId)).toBeNull();
    expect(await rowsOf(other.id, await contractRowIds(other.id))).toEqual({
      members: 1,
      contracts: 2,
      payments: 4,
      snapshots: 1,
      confirmations: 1,
      undo: 1,
    });
  });

  it('every table with a member_id deletes its rows with the member (so forget leaves none)', async () => {
    const result = await db.execute(sql`
      select c.table_name as table, bool_or(k.confdeltype = 'c' and k.confrelid = 'members'::regclass) as cascades
      from information_schema.columns c
      left join pg_constraint k on k.conrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass and k.contype = 'f'
        and k.conkey = array[(select attnum from pg_attribute where attrelid = k.conrelid and attname = 'member_id')]
      where c.table_schema = 'public' and c.column_name = 'member_id'
      group by c.table_name order by c.table_name`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      table: string;
      cascades: boolean;
    }[];
    expect(rows.map((row) => row.table)).toContain('undo_snapshots');
    expect(rows.filter((row) => !row.cascades).map((row) => row.table)).toEqual([]);
  });

  it('lockMember returns the member as stored now, null when gone, and only works in a transaction', async () => {
    const { member } = await newMember(store);
    await store.setMemberFlags(member.id, { remindersOptIn: true });
    expect(await store.transaction((tx) => tx.lockMember(member.id))).toEqual({ ...member, remindersOptIn: true });
    expect(await store.transaction((tx) => tx.lockMember(999_999))).toBeNull();
    await expect(store.lockMember(member.id)).rejects.toThrow(/inside transaction/);
  });

  it('a forgotten member who comes back starts empty', async () => {
    const { community, member } = await newMember(store);
    await store.insertContract(member.id, contract());
    await store.forgetMember(member.id);
    const again = await store.ensureMember(community.id, member.platformUserId, member.displayName);
    expect(again.id).not.toBe(member.id);
    expect(again.leaderboardOptIn).toBe(false);
    expect(await store.listContracts(again.id)).toEqual([]);
  });

  it("listContractsOf returns several members' contracts at once, each in the order added", async () => {
    const { member: first } = await newMember(store, 'team-board');
    const { member: second } = await newMember(store, 'team-board');
    const { member: empty } = await newMember(store, 'team-board');
    await store.insertContract(first.id, fullContract({ id: 'x2' }));
    await store.insertContract(first.id, contract({ id: 'x1' }));
    await store.insertContract(second.id, contract());
    const loaded = await store.listContractsOf([first.id, second.id, empty.id]);
    expect(loaded.get(first.id)).toEqual([fullContract({ id: 'x2' }), asStored(contract({ id: 'x1' }))]);
    expect(loaded.get(second.id)).toEqual([asStored(contract())]);
    expect(loaded.has(empty.id)).toBe(false);
  });

  it('a member has a snapshot exactly while opted in: joining adds a stale one, leaving deletes it', async () => {
    const { member } = await newMember(store, 'team-join');
    expect(await store.getSnapshot(member.id)).toBeNull();
    await store.setMemberFlags(member.id, { leaderboardOptIn: true });
    const placeholder = await store.getSnapshot(member.id);
    expect(placeholder).toMatchObject({
      memberId: member.id,
      communityId: member.communityId,
      score: null,
      validUntil: '1970-01-01',
    });
    // Joining twice keeps the snapshot already computed.
    await store.saveSnapshots([snapshotOf(member)]);
    await store.setMemberFlags(member.id, { leaderboardOptIn: true });
    expect(await store.getSnapshot(member.id)).toEqual(snapshotOf(member));
    await store.setMemberFlags(member.id, { leaderboardOptIn: false });
    expect(await store.getSnapshot(member.id)).toBeNull();
    // Turning reminders on or off leaves the leaderboard alone.
    await store.setMemberFlags(member.id, { remindersOptIn: true });
    expect(await store.getSnapshot(member.id)).toBeNull();
  });

  it("expireSnapshots makes a member's, or a whole community's, snapshots stale and no other", async () => {
    const { member: first } = await newMember(store, 'team-expire');
    const { member: second } = await newMember(store, 'team-expire');
    const { member: elsewhere } = await newMember(store, 'team-expire-other');
    await store.saveSnapshots([snapshotOf(first), snapshotOf(second), snapshotOf(elsewhere)]);
    await store.expireSnapshots({ memberId: first.id });
    expect((await store.getSnapshot(first.id))?.validUntil).toBe('1970-01-01');
    expect((await store.getSnapshot(second.id))?.validUntil).toBe('2026-12-31');
    await store.expireSnapshots({ communityId: second.communityId });
    expect((await store.getSnapshot(second.id))?.validUntil).toBe('1970-01-01');
    expect((await store.getSnapshot(elsewhere.id))?.validUntil).toBe('2026-12-31');
  });

  it("claimStaleSnapshots returns the stale snapshots in scope, with their community's model, and only in a transaction", async () => {
    const { member: ranOut } = await newMember(store, 'team-stale');
    const { member: fresh } = await newMember(store, 'team-stale');
    const { member: future } = await newMember(store, 'team-stale');
    const { member: elsewhere } = await newMember(store, 'team-stale-other');
    await store.saveSnapshots([
      snapshotOf(ranOut, { computedOn: '2026-11-01', validUntil: '2026-11-21' }),
      snapshotOf(fresh, { computedOn: '2026-11-01', validUntil: '2026-11-22' }),
      snapshotOf(future, { computedOn: '2026-11-23', validUntil: '2026-12-31' }),
      snapshotOf(elsewhere, { computedOn: '2026-11-01', validUntil: '2026-11-02' }),
    ]);
    await expect(
      store.claimStaleSnapshots({ communityId: ranOut.communityId, today: '2026-11-22', limit: 10, skipLocked: false }),
    ).rejects.toThrow(/transaction/);
    const claimed = await store.transaction((tx) =>
      tx.claimStaleSnapshots({ communityId: ranOut.communityId, today: '2026-11-22', limit: 10, skipLocked: false }),
    );
    expect(claimed).toEqual([
      { memberId: ranOut.id, communityId: ranOut.communityId, model: 'upwork-2025', params: {} },
      { memberId: future.id, communityId: future.communityId, model: 'upwork-2025', params: {} },
    ]);
    const everywhere = await store.transaction((tx) =>
      tx.claimStaleSnapshots({ communityId: null, today: '2026-11-22', limit: 1000, skipLocked: true }),
    );
    expect(everywhere.map((row) => row.memberId)).toEqual(expect.arrayContaining([ranOut.id, future.id, elsewhere.id]));
    expect(everywhere.map((row) => row.memberId)).not.toContain(fresh.id);
  });

  it('saveSnapshots keeps one snapshot per member, the latest', async () => {
    const { member } = await newMember(store);
    await store.saveSnapshots([snapshotOf(member)]);
    const latest = snapshotOf(member, {
      model: 'upwork-2015',
      score: null,
      window: null,
      longTermPercent: null,
      outcomes: 1,
      computedOn: '2026-11-23',
      validUntil: '2027-01-15',
    });
    await store.saveSnapshots([latest]);
    expect(await store.getSnapshot(member.id)).toEqual(latest);
    const rows = await db.select().from(scoreSnapshots).where(eq(scoreSnapshots.memberId, member.id));
    expect(rows).toHaveLength(1);
    const { next: _next, ...current } = latest;
    expect(rows[0]).toMatchObject(current);
  });

  it('a snapshot keeps its next standing; expiring it clears that too', async () => {
    const { member } = await newMember(store);
    const next = { score: 88, window: '12m', longTermPercent: 40, outcomes: 5, validUntil: '2027-02-01' };
    await store.saveSnapshots([snapshotOf(member, { next })]);
    expect((await store.getSnapshot(member.id))?.next).toEqual(next);
    await store.expireSnapshots({ memberId: member.id });
    expect(await store.getSnapshot(member.id)).toMatchObject({ validUntil: '1970-01-01', next: null });
  });

  it('promoteSnapshots moves a run-out snapshot to its next standing only when that covers today', async () => {
    const { member: due } = await newMember(store, 'team-promote');
    const { member: tooLate } = await newMember(store, 'team-promote');
    const { member: noNext } = await newMember(store, 'team-promote');
    const { member: fresh } = await newMember(store, 'team-promote');
    const next = (validUntil: string) => ({ score: 75, window: '24m', longTermPercent: 10, outcomes: 9, validUntil });
    await store.saveSnapshots([
      snapshotOf(due, { validUntil: '2026-12-10', next: next('2027-01-05') }),
      snapshotOf(tooLate, { validUntil: '2026-11-30', next: next('2026-12-05') }),
      snapshotOf(noNext, { validUntil: '2026-12-01' }),
      snapshotOf(fresh, { validUntil: '2026-12-31', next: next('2027-03-01') }),
    ]);
    expect(await store.promoteSnapshots({ communityId: due.communityId, today: '2026-12-11' })).toBe(1);
    expect(await store.getSnapshot(due.id)).toEqual({
      ...snapshotOf(due),
      score: 75,
      window: '24m',
      longTermPercent: 10,
      outcomes: 9,
      computedOn: '2026-12-11',
      validUntil: '2027-01-05',
      next: null,
    });
    // Past its next standing too, or with none: left stale, to be recomputed.
    expect((await store.getSnapshot(tooLate.id))?.validUntil).toBe('2026-11-30');
    expect((await store.getSnapshot(noNext.id))?.validUntil).toBe('2026-12-01');
    expect((await store.getSnapshot(fresh.id))?.validUntil).toBe('2026-12-31');
  });
});
