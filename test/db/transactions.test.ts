import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { communities } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { contract, fullContract, newMember } from './fixtures.ts';

describe.each(databaseKinds)('transactions on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  it('commits the work and returns its value', async () => {
    const { member } = await newMember(store);
    const result = await store.transaction(async (tx) => {
      await tx.insertContract(member.id, contract());
      return 'done';
    });
    expect(result).toBe('done');
    expect(await store.listContracts(member.id)).toHaveLength(1);
  });

  it('a throw rolls back everything the work wrote', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'before' }));
    const failure = new Error('command failed');
    await expect(
      store.transaction(async (tx) => {
        const community = await tx.ensureCommunity({ platform: 'discord', externalId: 'rolled-back' });
        const newcomer = await tx.ensureMember(community.id, 'U-new', 'New');
        await tx.insertContract(newcomer.id, fullContract());
        await tx.insertContract(member.id, fullContract({ id: 'during' }));
        await tx.deleteContract(member.id, 'before');
        await tx.setMemberFlags(member.id, { leaderboardOptIn: true });
        await tx.claimRequest(community.id, 'req', newcomer.id);
        await tx.createConfirmation(member.id, 'forget', 'CODE', new Date('2999-01-01T00:00:00Z'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.$count(communities, eq(communities.externalId, 'rolled-back'))).toBe(0);
    expect((await store.listContracts(member.id)).map((item) => item.id)).toEqual(['before']);
    expect((await store.findMember(member.communityId, member.platformUserId))?.leaderboardOptIn).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'forget', 'CODE', new Date('2026-01-01T00:00:00Z'))).toBe(false);
  });

  it('a nested transaction() reuses the outer transaction, so the outer throw undoes it too', async () => {
    const { member } = await newMember(store);
    await expect(
      store.transaction(async (outer) => {
        const inner = await outer.transaction(async (tx) => {
          await tx.insertContract(member.id, contract({ id: 'inner' }));
          return tx.listContracts(member.id);
        });
        expect(inner.map((item) => item.id)).toEqual(['inner']);
        expect(await outer.getContract(member.id, 'inner')).not.toBeNull();
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await store.listContracts(member.id)).toEqual([]);
  });

  it('a taken contract id inside a transaction returns false and the transaction goes on', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'a' }));
    await store.insertContract(member.id, contract({ id: 'b' }));
    const outcome = await store.transaction(async (tx) => {
      const duplicate = await tx.insertContract(member.id, contract({ id: 'A', client: 'Duplicate' }));
      const renameOntoTaken = await tx.replaceContract(member.id, 'b', contract({ id: 'a' }));
      // On PostgreSQL a failed statement would abort the whole transaction without the savepoint.
      const later = await tx.insertContract(
        member.id,
        contract({ id: 'c', payments: [{ date: '2026-02-01', amount: 9 }] }),
      );
      return { duplicate, renameOntoTaken, later };
    });
    expect(outcome).toEqual({ duplicate: false, renameOntoTaken: 'id-taken', later: true });
    expect((await store.listContracts(member.id)).map((item) => [item.id, item.client])).toEqual([
      ['a', 'Acme Ltd'],
      ['b', 'Acme Ltd'],
      ['c', 'Acme Ltd'],
    ]);
  });
});
