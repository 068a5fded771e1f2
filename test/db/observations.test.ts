import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { observations } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { fullContract, newMember } from './fixtures.ts';

describe.each(databaseKinds)('observations on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  it('records a day, lists oldest first, replaces the same day and says what it replaced', async () => {
    const { member } = await newMember(store);
    expect(await store.recordObservation(member.id, { date: '2026-11-20', score: 87, longterm: 40 })).toEqual({
      replaced: null,
    });
    expect(await store.recordObservation(member.id, { date: '2026-10-01', score: 90 })).toEqual({ replaced: null });
    expect(await store.recordObservation(member.id, { date: '2026-11-20', score: 88 })).toEqual({
      replaced: { date: '2026-11-20', score: 87, longterm: 40 },
    });
    expect(await store.listObservations(member.id)).toEqual([
      { date: '2026-10-01', score: 90, longterm: null },
      { date: '2026-11-20', score: 88, longterm: null },
    ]);
  });

  it("deletes one day or all of them, and only the member's own", async () => {
    const { member } = await newMember(store, 'team-obs');
    const { member: other } = await newMember(store, 'team-obs');
    for (const someone of [member, other]) {
      await store.recordObservation(someone.id, { date: '2026-09-01', score: 80 });
      await store.recordObservation(someone.id, { date: '2026-09-08', score: 82 });
    }
    expect(await store.deleteObservation(member.id, '2026-09-01')).toBe(true);
    expect(await store.deleteObservation(member.id, '2026-09-01')).toBe(false);
    expect((await store.listObservations(member.id)).map((row) => row.date)).toEqual(['2026-09-08']);
    expect(await store.deleteAllObservations(member.id)).toBe(1);
    expect(await store.listObservations(member.id)).toEqual([]);
    expect(await store.listObservations(other.id)).toHaveLength(2);
  });

  it("observationsInCommunity holds the community's recording members only", async () => {
    const { member: first } = await newMember(store, 'team-acc');
    const { member: silent } = await newMember(store, 'team-acc');
    const { member: elsewhere } = await newMember(store, 'team-acc-other');
    await store.recordObservation(first.id, { date: '2026-08-01', score: 95 });
    await store.recordObservation(elsewhere.id, { date: '2026-08-01', score: 70 });
    const found = await store.observationsInCommunity(first.communityId);
    expect([...found.keys()]).toEqual([first.id]);
    expect(found.has(silent.id)).toBe(false);
  });

  it('a contract keeps its counted outcome, and clears it', async () => {
    const { member } = await newMember(store);
    await store.insertContract(member.id, fullContract({ id: 'k1', counted: 'excluded' }));
    expect((await store.getContract(member.id, 'k1'))?.counted).toBe('excluded');
    await store.replaceContract(member.id, 'k1', fullContract({ id: 'k1', counted: null }));
    expect((await store.getContract(member.id, 'k1'))?.counted).toBeNull();
  });

  it("forgetMember deletes the member's observations", async () => {
    const { member } = await newMember(store);
    await store.recordObservation(member.id, { date: '2026-07-01', score: 91 });
    await store.forgetMember(member.id);
    expect(await db.$count(observations, eq(observations.memberId, member.id))).toBe(0);
  });

  it('two recordings of one day at once: one row, and exactly one of them replaced the other', async () => {
    const { member } = await newMember(store);
    for (let round = 0; round < 5; round++) {
      const date = `2026-06-0${round + 1}`;
      const results = await Promise.all([
        store.transaction((tx) => tx.recordObservation(member.id, { date, score: 70 })),
        store.transaction((tx) => tx.recordObservation(member.id, { date, score: 71 })),
      ]);
      const replaced = results.map((result) => result.replaced);
      expect(replaced.filter((value) => value === null)).toHaveLength(1);
      const [row] = (await store.listObservations(member.id)).filter((observation) => observation.date === date);
      // The replacing one saw the other's value, and its own value is what stayed.
      const replacer = replaced.findIndex((value) => value !== null);
      expect(replaced[replacer]?.score).toBe(replacer === 0 ? 71 : 70);
      expect(row?.score).toBe(replacer === 0 ? 70 : 71);
    }
    expect(await db.$count(observations, eq(observations.memberId, member.id))).toBe(5);
  });
});
