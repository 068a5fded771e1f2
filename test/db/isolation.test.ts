import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { asStored, contract, fullContract, newMember } from './fixtures.ts';

describe.each(databaseKinds)('members are isolated on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));

  it('a member never sees or changes another member’s contract with the same id', async () => {
    const alice = (await newMember(store)).member;
    const bob = (await newMember(store)).member;
    const carol = (await newMember(store, 'team-2')).member;
    const bobs = fullContract({ id: 'C1', client: 'Bob’s client' });
    const carols = contract({ id: 'c1', client: 'Carol’s client' });
    expect(await store.insertContract(alice.id, contract({ id: 'c1' }))).toBe(true);
    expect(await store.insertContract(bob.id, bobs)).toBe(true);
    expect(await store.insertContract(carol.id, carols)).toBe(true);

    expect(await store.replaceContract(alice.id, 'c1', contract({ id: 'c1', client: 'Alice changed' }))).toBe(
      'replaced',
    );
    expect(await store.addPayment(alice.id, 'c1', { date: '2026-02-01', amount: 1 })).toBe(true);
    expect(await store.getContract(alice.id, 'c1')).toMatchObject({ client: 'Alice changed' });
    expect(await store.deleteContract(alice.id, 'c1')).toBe(true);
    expect(await store.deleteAllContracts(alice.id)).toBe(0);

    expect(await store.listContracts(bob.id)).toEqual([bobs]);
    expect(await store.getContract(bob.id, 'c1')).toEqual(bobs);
    expect(await store.listContracts(carol.id)).toEqual([asStored(carols)]);
  });

  it('a member cannot reach another member’s contract by its id', async () => {
    const alice = (await newMember(store)).member;
    const bob = (await newMember(store)).member;
    await store.insertContract(bob.id, contract({ id: 'secret' }));
    expect(await store.getContract(alice.id, 'secret')).toBeNull();
    expect(await store.replaceContract(alice.id, 'secret', contract({ id: 'secret', client: 'Hijacked' }))).toBe(
      'not-found',
    );
    expect(await store.addPayment(alice.id, 'secret', { date: '2026-02-01', amount: 1 })).toBe(false);
    expect(await store.deleteContract(alice.id, 'secret')).toBe(false);
    expect(await store.listContracts(alice.id)).toEqual([]);
    expect(await store.getContract(bob.id, 'secret')).toMatchObject({ client: 'Acme Ltd', payments: null });
  });

  it('the same user id in two communities is two members', async () => {
    const one = await store.ensureCommunity({ platform: 'discord', externalId: 'guild-1' });
    const two = await store.ensureCommunity({ platform: 'discord', externalId: 'guild-2' });
    const first = await store.ensureMember(one.id, 'same-user', 'Dana');
    const second = await store.ensureMember(two.id, 'same-user', 'Dana');
    expect(first.id).not.toBe(second.id);
    await store.insertContract(first.id, contract());
    expect(await store.listContracts(second.id)).toEqual([]);
  });
});
