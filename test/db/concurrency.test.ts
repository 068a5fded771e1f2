import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { communities, contracts, members, payments } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { contract } from './fixtures.ts';

const MEMBERS = 50;

describe.each(databaseKinds)('concurrent requests on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  /** What a command does: find the community and member, add the member's first contract. */
  function addFirstContract(user: number, externalId: string, inTransaction: boolean) {
    const work = async (s: Store) => {
      const community = await s.ensureCommunity({ platform: 'slack', externalId, name: 'Busy team' });
      const member = await s.ensureMember(community.id, `U${user}`, `User ${user}`);
      const added = await s.insertContract(
        member.id,
        contract({ id: 'c1', payments: [{ date: '2026-02-01', amount: user }] }),
      );
      return { memberId: member.id, added };
    };
    return inTransaction ? store.transaction(work) : work(store);
  }

  async function rowCounts(externalId: string) {
    const [community] = await db.select().from(communities).where(eq(communities.externalId, externalId));
    const memberIds = (
      await db
        .select({ id: members.id })
        .from(members)
        .where(eq(members.communityId, community?.id as number))
    ).map((row) => row.id);
    const rowIds = (
      await db.select({ id: contracts.id }).from(contracts).where(inArray(contracts.memberId, memberIds))
    ).map((row) => row.id);
    return {
      communities: await db.$count(communities, eq(communities.externalId, externalId)),
      members: memberIds.length,
      contracts: rowIds.length,
      payments: await db.$count(payments, inArray(payments.contractRowId, rowIds)),
    };
  }

  it.each([
    ['in transactions', true],
    ['without transactions', false],
  ])('50 members adding a contract at once, each twice, %s: every row exactly once', async (_how, inTransaction) => {
    const externalId = `T-concurrent-${inTransaction}`;
    const users = Array.from({ length: MEMBERS }, (_, index) => index + 1);
    const results = await Promise.all(
      [...users, ...users].map((user) => addFirstContract(user, externalId, inTransaction)),
    );

    expect(await rowCounts(externalId)).toEqual({
      communities: 1,
      members: MEMBERS,
      contracts: MEMBERS,
      payments: MEMBERS,
    });
    // Each member's two requests agree on the member, and exactly one of them added the contract.
    for (const user of users) {
      const [first, second] = [results[user - 1], results[MEMBERS + user - 1]];
      expect(first?.memberId).toBe(second?.memberId);
      expect([first?.added, second?.added].sort()).toEqual([false, true]);
      expect((await store.listContracts(first?.memberId as number)).map((item) => item.payments)).toEqual([
        [{ date: '2026-02-01', amount: user }],
      ]);
    }
  });
});
