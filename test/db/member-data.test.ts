import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { confirmations, contracts, members, payments, scoreSnapshots } from '../../db/schema.ts';
import type { ScoreSnapshot, Store } from '../../db/store.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { asStored, contract, fullContract, newMember } from './fixtures.ts';

function snapshotOf(member: { id: number; communityId: number }, fields: Partial<ScoreSnapshot> = {}): ScoreSnapshot {
  return { memberId: member.id, communityId: member.communityId, model: 'upwork-2025', score: 92, window: '12m', longTermPercent: 40, outcomes: 6, computedOn: '2026-11-22', validUntil: '2026-12-31', ...fields };
}

describe.each(databaseKinds)('leaderboard, snapshots and forgetting on $name', (kind) => {
  let store: Store;
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, db, close } = await kind.open());
  });
  afterAll(async () => close());

  /** Every row that belongs to the member, table by table. */
  async function rowsOf(memberId: number, contractRowIds: number[]) {
    return {
      members: await db.$count(members, eq(members.id, memberId)),
      contracts: await db.$count(contracts, eq(contracts.memberId, memberId)),
      payments: await db.$count(payments, inArray(payments.contractRowId, contractRowIds)),
      snapshots: await db.$count(scoreSnapshots, eq(scoreSnapshots.memberId, memberId)),
      confirmations: await db.$count(confirmations, eq(confirmations.memberId, memberId)),
    };
  }

  async function contractRowIds(memberId: number): Promise<number[]> {
    return (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.memberId, memberId))).map((row) => row.id);
  }

  it('forgetMember leaves no row of the member in any table, and other members untouched', async () => {
    const { member } = await newMember(store, 'team-forget');
    const { member: other } = await newMember(store, 'team-forget');
    for (const someone of [member, other]) {
      await store.insertContract(someone.id, fullContract({ id: 'a' }));
      await store.insertContract(someone.id, fullContract({ id: 'b' }));
      await store.saveSnapshot(snapshotOf(someone));
      await store.createConfirmation(someone.id, 'forget', 'CODE', new Date('2999-01-01T00:00:00Z'));
    }
    const rowIds = await contractRowIds(member.id);
    expect(await rowsOf(member.id, rowIds)).toEqual({ members: 1, contracts: 2, payments: 4, snapshots: 1, confirmations: 1 });

    await store.forgetMember(member.id);
    expect(await rowsOf(member.id, rowIds)).toEqual({ members: 0, contracts: 0, payments: 0, snapshots: 0, confirmations: 0 });
    expect(await store.findMember(member.communityId, member.platformUserId)).toBeNull();
    expect(await rowsOf(other.id, await contractRowIds(other.id))).toEqual({ members: 1, contracts: 2, payments: 4, snapshots: 1, confirmations: 1 });
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

  it('leaderboardMembers lists the opted-in members of the community with their contracts', async () => {
    const { community, member: first } = await newMember(store, 'team-board');
    const { member: second } = await newMember(store, 'team-board');
    const { member: shy } = await newMember(store, 'team-board');
    const { member: elsewhere } = await newMember(store, 'team-other');
    for (const someone of [first, second, elsewhere]) await store.setMemberFlags(someone.id, { leaderboardOptIn: true });
    await store.insertContract(first.id, fullContract({ id: 'x2' }));
    await store.insertContract(first.id, contract({ id: 'x1' }));
    await store.insertContract(shy.id, contract());
    await store.insertContract(elsewhere.id, contract());

    const board = await store.leaderboardMembers(community.id);
    expect(board).toEqual([
      { member: { ...first, leaderboardOptIn: true }, contracts: [fullContract({ id: 'x2' }), asStored(contract({ id: 'x1' }))] },
      { member: { ...second, leaderboardOptIn: true }, contracts: [] },
    ]);

    await store.setMemberFlags(first.id, { leaderboardOptIn: false });
    expect((await store.leaderboardMembers(community.id)).map((entry) => entry.member.id)).toEqual([second.id]);
  });

  it('leaderboardMembers is empty when nobody joined', async () => {
    const { community } = await newMember(store, 'team-quiet');
    expect(await store.leaderboardMembers(community.id)).toEqual([]);
  });

  it('saveSnapshot keeps one snapshot per member, the latest', async () => {
    const { member } = await newMember(store);
    await store.saveSnapshot(snapshotOf(member));
    const latest = snapshotOf(member, { model: 'upwork-2015', score: null, window: null, longTermPercent: null, outcomes: 1, computedOn: '2026-11-23', validUntil: '2027-01-15' });
    await store.saveSnapshot(latest);
    const rows = await db.select().from(scoreSnapshots).where(eq(scoreSnapshots.memberId, member.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(latest);
  });
});
