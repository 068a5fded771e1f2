// insertContracts (import's write): all the contracts with their payments in a few multi-row
// statements, or none; more rows than one statement's 65,535 bind parameters hold still go in,
// in order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import type { Contract } from '../../src/scoring/types.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { asStored, contract, fullContract, newMember } from './fixtures.ts';

describe.each(databaseKinds)('insertContracts on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));

  it('stores more contracts and payments than one statement can bind, in the order given', async () => {
    const { member } = await newMember(store);
    // 5,000 contracts × 16 parameters and 20,000 payments × 4 both pass 65,535.
    const given: Contract[] = Array.from({ length: 5_000 }, (_, index) =>
      fullContract({
        id: `c${index}`,
        payments: Array.from({ length: 4 }, (__, day) => ({ date: `2026-02-0${day + 1}`, amount: index + day / 100 })),
      }),
    );
    expect(await store.insertContracts(member.id, given)).toEqual([]);
    expect(await store.listContracts(member.id)).toEqual(given);
  });

  it('an id the member has (in any case) is named, and nothing of the list is stored', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'X2' }));
    const list = ['x1', 'x2', 'x3'].map((id) => fullContract({ id }));
    expect(await store.insertContracts(member.id, list)).toEqual(['x2']);
    expect((await store.listContracts(member.id)).map((stored) => stored.id)).toEqual(['X2']);
  });

  it('inside a transaction, a refusal leaves the transaction usable and its earlier writes in place', async () => {
    const { member } = await newMember(store);
    await store.transaction(async (tx) => {
      expect(await tx.insertContract(member.id, contract({ id: 'a' }))).toBe(true);
      expect(await tx.insertContracts(member.id, [contract({ id: 'b' }), contract({ id: 'A' })])).toEqual(['A']);
      expect(await tx.insertContract(member.id, contract({ id: 'c' }))).toBe(true);
    });
    expect((await store.listContracts(member.id)).map((stored) => stored.id)).toEqual(['a', 'c']);
  });

  it('any list of distinct ids reads back as given', async () => {
    const payment = fc.record({
      date: fc.constantFrom('2026-02-01', '2026-03-15'),
      amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    });
    const item = fc.record({ client: fc.constantFrom('Acme', 'Beta'), payments: fc.array(payment, { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 12 }), async (items) => {
        const { member } = await newMember(store);
        const list = items.map((fields, index) => contract({ id: `k${index}`, ...fields }));
        expect(await store.insertContracts(member.id, list)).toEqual([]);
        expect(await store.listContracts(member.id)).toEqual(list.map(asStored));
      }),
      { numRuns: 15 },
    );
  });
});
