import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { contracts, payments } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { asStored, contract, fullContract, newMember } from './fixtures.ts';

const FIELD_ORDER = [
  'id',
  'client',
  'type',
  'start',
  'end',
  'earnings',
  'payments',
  'lastPayment',
  'stars',
  'privateScore',
  'endReason',
  'disputed',
  'refunded',
  'clientFlagged',
  'pausedForClient',
  'counted',
];

describe.each(databaseKinds)('contracts on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  it('reads a contract back with every field, in the contract file order', async () => {
    const { member } = await newMember(store);
    const given = fullContract();
    expect(await store.insertContract(member.id, given)).toBe(true);
    const [stored] = await store.listContracts(member.id);
    expect(stored).toEqual(given);
    expect(Object.keys(stored as object)).toEqual(FIELD_ORDER);
  });

  it('fills absent fields with null and flags with false; payments null when there are none', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'a', payments: [] }));
    await store.insertContract(
      member.id,
      contract({ id: 'b', earnings: null, payments: [{ date: '2026-02-01', amount: 300 }] }),
    );
    const [a, b] = await store.listContracts(member.id);
    expect(a).toEqual(asStored(contract({ id: 'a' })));
    expect(a?.payments).toBeNull();
    expect(Object.keys(a as object)).toEqual(FIELD_ORDER);
    // Earnings stay null when the member gave only payments: the scoring core sums them.
    expect(b).toMatchObject({ earnings: null, payments: [{ date: '2026-02-01', amount: 300 }] });
  });

  it('keeps dollars and cents exact, including amounts that are not exact in binary', async () => {
    const { member } = await newMember(store);
    const amounts = [0.1, 0.29, 19.99, 1_000_000_000, 0];
    await store.insertContract(
      member.id,
      contract({ earnings: 0.29, payments: amounts.map((amount, day) => ({ date: `2026-02-0${day + 1}`, amount })) }),
    );
    const stored = await store.getContract(member.id, 'c1');
    expect(stored?.earnings).toBe(0.29);
    expect(stored?.payments?.map((payment) => payment.amount)).toEqual(amounts);
    const [row] = await db.select().from(contracts).where(eq(contracts.memberId, member.id));
    expect(row?.earningsCents).toBe(29);
  });

  it('lists contracts in the order they were added, and an edit keeps its place', async () => {
    const { member } = await newMember(store);
    for (const id of ['z9', 'a1', 'm5']) await store.insertContract(member.id, contract({ id }));
    expect(await store.replaceContract(member.id, 'z9', contract({ id: 'z9', client: 'Changed' }))).toBe('replaced');
    expect((await store.listContracts(member.id)).map((item) => item.id)).toEqual(['z9', 'a1', 'm5']);
    expect(await store.getContract(member.id, 'z9')).toMatchObject({ client: 'Changed' });
  });

  it('compares contract ids case-insensitively and keeps the case given', async () => {
    const { member } = await newMember(store);
    expect(await store.insertContract(member.id, contract({ id: 'Acme-1' }))).toBe(true);
    expect(await store.insertContract(member.id, contract({ id: 'ACME-1', client: 'Other' }))).toBe(false);
    expect(await store.getContract(member.id, 'acme-1')).toMatchObject({ id: 'Acme-1', client: 'Acme Ltd' });
    expect(await store.addPayment(member.id, 'aCmE-1', { date: '2026-02-01', amount: 10 })).toBe(true);
    expect(await store.replaceContract(member.id, 'ACME-1', contract({ id: 'acme-1', client: 'Renamed' }))).toBe(
      'replaced',
    );
    expect(await store.getContract(member.id, 'Acme-1')).toMatchObject({ id: 'acme-1', client: 'Renamed' });
    expect(await store.deleteContract(member.id, 'ACME-1')).toBe(true);
    expect(await store.listContracts(member.id)).toEqual([]);
  });

  it('getContract returns null for an unknown id', async () => {
    const { member } = await newMember(store);
    expect(await store.getContract(member.id, 'nope')).toBeNull();
  });

  it('replaceContract replaces every field and the payments, and may rename', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, fullContract());
    const replacement = contract({
      id: 'c2',
      client: 'Globex',
      type: 'fixed',
      payments: [{ date: '2026-04-01', amount: 50 }],
    });
    expect(await store.replaceContract(member.id, 'c1', replacement)).toBe('replaced');
    expect(await store.listContracts(member.id)).toEqual([asStored(replacement)]);
    expect(await store.getContract(member.id, 'c1')).toBeNull();
  });

  it('replaceContract says not-found for an unknown id, and id-taken for a new id that is taken (changing nothing)', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'a' }));
    await store.insertContract(member.id, contract({ id: 'b', payments: [{ date: '2026-02-01', amount: 5 }] }));
    const before = await store.listContracts(member.id);
    expect(await store.replaceContract(member.id, 'missing', contract({ id: 'missing' }))).toBe('not-found');
    expect(await store.replaceContract(member.id, 'b', contract({ id: 'A', client: 'Taken', payments: [] }))).toBe(
      'id-taken',
    );
    expect(await store.listContracts(member.id)).toEqual(before);
  });

  it('addPayment appends a payment, grows stated earnings and leaves derived earnings null', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, contract({ id: 'stated', earnings: 100.1 }));
    await store.insertContract(member.id, contract({ id: 'derived', payments: [{ date: '2026-02-01', amount: 20 }] }));
    expect(await store.addPayment(member.id, 'stated', { date: '2026-03-01', amount: 0.2 })).toBe(true);
    expect(await store.addPayment(member.id, 'derived', { date: '2026-03-01', amount: 30 })).toBe(true);
    expect(await store.getContract(member.id, 'stated')).toMatchObject({
      earnings: 100.3,
      payments: [{ date: '2026-03-01', amount: 0.2 }],
    });
    expect(await store.getContract(member.id, 'derived')).toMatchObject({
      earnings: null,
      payments: [
        { date: '2026-02-01', amount: 20 },
        { date: '2026-03-01', amount: 30 },
      ],
    });
    expect(await store.addPayment(member.id, 'missing', { date: '2026-03-01', amount: 1 })).toBe(false);
  });

  it('deleteContract deletes one contract and its payments; false when there is none', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, fullContract({ id: 'gone' }));
    await store.insertContract(member.id, contract({ id: 'kept' }));
    const [row] = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.memberId, member.id), eq(contracts.contractId, 'gone')));
    expect(await db.$count(payments, eq(payments.contractRowId, row?.id as number))).toBe(2);
    expect(await store.deleteContract(member.id, 'gone')).toBe(true);
    expect(await store.deleteContract(member.id, 'gone')).toBe(false);
    expect((await store.listContracts(member.id)).map((item) => item.id)).toEqual(['kept']);
    expect(await db.$count(payments, eq(payments.contractRowId, row?.id as number))).toBe(0);
  });

  it('deleteAllContracts deletes the member’s contracts and payments and says how many', async () => {
    const { member } = await newMember(store);
    for (const id of ['a', 'b', 'c']) await store.insertContract(member.id, fullContract({ id }));
    expect(await store.deleteAllContracts(member.id)).toBe(3);
    expect(await store.listContracts(member.id)).toEqual([]);
    expect(await store.deleteAllContracts(member.id)).toBe(0);
  });

  it('lists nothing for a member without contracts', async () => {
    const { member } = await newMember(store);
    expect(await store.listContracts(member.id)).toEqual([]);
  });
});
