import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { CHECK_VIOLATION, postgresErrorCode } from '../../db/errors.ts';
import { communities, contracts, observations, payments, scoreSnapshots } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { contract, newMember } from './fixtures.ts';

const FOREIGN_KEY_VIOLATION = '23503';

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return postgresErrorCode(error);
  }
  return 'no error';
}

describe.each(databaseKinds)('CHECK and foreign key constraints on $name', (kind) => {
  let store: Store;
  let db: Database;
  let close: () => Promise<void>;
  let memberId: number;
  let communityId: number;
  let rows = 0;

  beforeAll(async () => {
    ({ store, db, close } = await kind.open());
    ({ id: memberId, communityId } = (await newMember(store)).member);
  });
  afterAll(async () => close());

  /** A valid contract row with `fields` changed; each gets its own id so only the CHECK can fail. */
  function contractRow(fields: Partial<typeof contracts.$inferInsert> = {}) {
    return db
      .insert(contracts)
      .values({
        memberId,
        contractId: `row-${++rows}`,
        client: 'Acme',
        type: 'hourly',
        startDate: '2026-01-10',
        ...fields,
      });
  }

  it.each([
    ['a type other than hourly or fixed', { type: 'weekly' as 'hourly' }],
    ['an end before the start', { startDate: '2026-02-01', endDate: '2026-01-31' }],
    ['negative earnings', { earningsCents: -1 }],
    ['stars below 1', { stars: 0.5 }],
    ['stars above 5', { stars: 5.01 }],
    ['a private score below 0', { privateScore: -0.1 }],
    ['a private score above 10', { privateScore: 10.5 }],
    ['an unknown end reason', { endReason: 'fired' as 'other' }],
    ['an unknown counted outcome', { counted: 'positive' as 'success' }],
  ])('contracts reject %s', async (_what, fields) => {
    expect(await codeOf(contractRow(fields))).toBe(CHECK_VIOLATION);
  });

  it('contracts accept the boundary values', async () => {
    await contractRow({
      stars: 1,
      privateScore: 0,
      earningsCents: 0,
      startDate: '2026-01-10',
      endDate: '2026-01-10',
      endReason: 'client_unresponsive',
    });
    await contractRow({ stars: 5, privateScore: 10, type: 'fixed', endReason: 'other' });
    expect((await store.listContracts(memberId)).map((item) => [item.stars, item.privateScore])).toEqual([
      [1, 0],
      [5, 10],
    ]);
  });

  it.each([
    ['a score below 0', { score: -1 }],
    ['a score above 100', { score: 101 }],
    ['a long-term % above 100', { longterm: 101 }],
  ])('observations reject %s', async (_what, fields) => {
    expect(await codeOf(db.insert(observations).values({ memberId, date: '2026-03-01', score: 90, ...fields }))).toBe(
      CHECK_VIOLATION,
    );
  });

  it('payments reject a negative amount', async () => {
    const [row] = await contractRow().returning({ id: contracts.id });
    expect(
      await codeOf(
        db.insert(payments).values({ contractRowId: row?.id as number, date: '2026-02-01', amountCents: -1 }),
      ),
    ).toBe(CHECK_VIOLATION);
  });

  it('communities reject an unknown platform or model', async () => {
    expect(await codeOf(db.insert(communities).values({ platform: 'teams' as 'slack', externalId: 'x' }))).toBe(
      CHECK_VIOLATION,
    );
    expect(
      await codeOf(
        db.insert(communities).values({ platform: 'slack', externalId: 'y', model: 'upwork-2030' as 'upwork-2025' }),
      ),
    ).toBe(CHECK_VIOLATION);
  });

  it('score snapshots reject an unknown model', async () => {
    const snapshot = {
      memberId,
      communityId,
      model: 'jss-1' as 'upwork-2025',
      score: 90,
      window: '12m',
      longTermPercent: 50,
      outcomes: 4,
      computedOn: '2026-11-01',
      validUntil: '2026-12-01',
    };
    expect(await codeOf(db.insert(scoreSnapshots).values(snapshot))).toBe(CHECK_VIOLATION);
  });

  it('score snapshots reject a score or long-term % outside 0–100 and negative outcomes', async () => {
    const snapshot = {
      memberId,
      communityId,
      model: 'upwork-2025' as const,
      score: 90,
      window: '12m',
      longTermPercent: 50,
      outcomes: 4,
      computedOn: '2026-11-01',
      validUntil: '2026-12-01',
    };
    expect(await codeOf(db.insert(scoreSnapshots).values({ ...snapshot, score: 101 }))).toBe(CHECK_VIOLATION);
    expect(await codeOf(db.insert(scoreSnapshots).values({ ...snapshot, longTermPercent: -1 }))).toBe(CHECK_VIOLATION);
    expect(await codeOf(db.insert(scoreSnapshots).values({ ...snapshot, outcomes: -1 }))).toBe(CHECK_VIOLATION);
  });

  it('rows of a member or contract that does not exist are rejected', async () => {
    expect(await codeOf(contractRow({ memberId: 999_999 }))).toBe(FOREIGN_KEY_VIOLATION);
    expect(
      await codeOf(db.insert(payments).values({ contractRowId: 999_999, date: '2026-02-01', amountCents: 1 })),
    ).toBe(FOREIGN_KEY_VIOLATION);
  });

  it('the store passes a CHECK violation on as an error, not as "id taken"', async () => {
    const { member } = await newMember(store);
    expect(await codeOf(store.insertContract(member.id, contract({ stars: 7 })))).toBe(CHECK_VIOLATION);
    expect(
      await codeOf(store.insertContract(member.id, contract({ payments: [{ date: '2026-02-01', amount: -5 }] }))),
    ).toBe(CHECK_VIOLATION);
    // Nothing of the failed inserts stays: the contract row went with its bad payment.
    expect(await store.listContracts(member.id)).toEqual([]);
  });
});
