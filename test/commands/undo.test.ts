// undo on every database: remove and import mode:replace put back byte for byte (rows, ids, times,
// Upwork keys and payment source ids), later changes asked about, expiry by the Clock, one member's
// snapshot out of another's reach, forget deleting it; on PostgreSQL two undos racing restore once.

import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { contracts, payments } from '../../db/schema.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Store } from '../../src/ports/store.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { memberOf } from '../helpers/seed-contracts.ts';
import { pauseAfter } from '../helpers/staged-store.ts';

const HOUR = 3_600_000;
const upworkFixture = (name: string) => readFileSync(new URL(`../fixtures/upwork/${name}`, import.meta.url), 'utf8');
const COMMUNITY = 'team-undo';

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<
    string,
    unknown
  >[];
}

/** The member's contract and payment rows exactly as stored (every column, as text). */
async function storedRows(db: Database, memberId: number) {
  const contractRows = rowsOf(
    await db.execute(
      sql`select to_jsonb(c)::text as row from contracts c where c.member_id = ${memberId} order by c.id`,
    ),
  );
  const paymentRows = rowsOf(
    await db.execute(
      sql`select to_jsonb(p)::text as row from payments p join contracts c on c.id = p.contract_row_id where c.member_id = ${memberId} order by p.id`,
    ),
  );
  return { contracts: contractRows.map((row) => row.row), payments: paymentRows.map((row) => row.row) };
}

async function undoRows(db: Database, memberId: number): Promise<number> {
  return Number(
    rowsOf(await db.execute(sql`select count(*)::int as n from undo_snapshots where member_id = ${memberId}`))[0]?.n,
  );
}

/** Contracts with everything a typed command cannot set: Upwork keys, refund sources, payment source ids. */
async function seedImported(db: Database, memberId: number) {
  const [first] = await db
    .insert(contracts)
    .values({
      memberId,
      contractId: 'u1',
      client: 'Echo & Co',
      type: 'hourly',
      startDate: '2026-01-05',
      endDate: '2026-03-01',
      earningsCents: null,
      stars: 4.7,
      endReason: 'completed',
      upworkContract: '4411',
      upworkTitle: 'API work',
      refundSources: ['R-1'],
    })
    .returning({ id: contracts.id });
  await db.insert(payments).values([
    { contractRowId: first!.id, date: '2026-01-31', amountCents: 120_050, sourceId: 'T-1' },
    { contractRowId: first!.id, date: '2026-02-28', amountCents: 80_000, sourceId: 'T-2' },
  ]);
  await db.insert(contracts).values({
    memberId,
    contractId: 'c2',
    client: 'Globex',
    type: 'fixed',
    startDate: '2026-04-01',
    earningsCents: 50_000,
    counted: 'success',
    disputed: true,
  });
}

describe.each(databaseKinds)('undo on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));
  let now = new Date('2026-11-22T10:00:00Z');
  const clock: Clock = { now: () => now };
  let users = 0;

  const services = (): Services => throwingServices(store, { clock });
  const run = (user: string, text: string): Promise<Reply> =>
    runCommandText(services(), commandContext('slack', COMMUNITY, user), text);
  const newMember = async () => {
    const user = `u${++users}`;
    const memberId = await memberOf(store, COMMUNITY, user);
    await seedImported(db, memberId);
    return { user, memberId };
  };

  it('remove, then undo: the contracts and payments are back byte for byte, with the score change', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    const removed = await run(user, 'remove u1');
    expect(removed.title).toBe('Removed u1');
    expect(removed.actions?.map((action) => action.command)).toContain('undo');
    expect((await storedRows(db, memberId)).payments).toEqual([]);
    const undone = await run(user, 'undo');
    expect(undone.kind).toBe('success');
    expect(undone.title).toBe('Undid "remove u1"');
    expect(undone.summary).toContain('put back u1');
    expect(renderText(undone)).toMatch(/Job Success Score/);
    expect(await storedRows(db, memberId)).toEqual(before);
    expect(await undoRows(db, memberId)).toBe(0);
  });

  it('import mode:replace, then undo: the contracts replaced are back byte for byte', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    const imported = await run(
      user,
      'import mode:replace\nid,client,type,start,end,earnings,stars\nn1,Initech,fixed,2026-05-01,2026-06-01,900,5',
    );
    expect(imported.title).toBe('Imported 1 contract');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['n1']);
    const undone = await run(user, 'undo');
    expect(undone.title).toBe('Undid "import mode:replace"');
    expect(undone.summary).toContain('took out n1');
    expect(await storedRows(db, memberId)).toEqual(before);
  });

  it('an Upwork report imported, replaced by another, then undo: the first import is back, and importing it again adds nothing', async () => {
    const { user, memberId } = await newMember();
    await run(user, `import\n${upworkFixture('transactions-2023-2024.csv')}`);
    const before = await storedRows(db, memberId);
    expect(before.payments.length).toBeGreaterThan(0);
    expect((await run(user, `import mode:replace\n${upworkFixture('transactions-2024-2025.csv')}`)).kind).not.toBe(
      'error',
    );
    expect(await storedRows(db, memberId)).not.toEqual(before);
    expect((await run(user, 'undo')).title).toBe('Undid "import mode:replace"');
    expect(await storedRows(db, memberId)).toEqual(before);
    await run(user, `import\n${upworkFixture('transactions-2023-2024.csv')}`);
    expect((await storedRows(db, memberId)).payments).toEqual(before.payments);
  });

  it('a plain import (mode:add) is not undoable and keeps the last undo', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    await run(user, 'remove c2');
    await run(user, 'import\nid,client,type,start\nn1,Initech,fixed,2026-05-01');
    const asked = await run(user, 'undo');
    expect(asked.kind).toBe('confirm');
    expect(asked.summary).toContain('added n1');
    expect(await run(user, 'undo confirm:yes')).toMatchObject({ title: 'Undid "remove c2"' });
    expect(await storedRows(db, memberId)).toEqual(before);
  });

  it('with nothing to undo it says so and changes nothing; a second undo finds nothing', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    const nothing = await run(user, 'undo');
    expect(nothing.kind).toBe('error');
    expect(renderText(nothing)).toContain('nothing to undo');
    await run(user, 'remove c2');
    expect((await run(user, 'undo')).kind).toBe('success');
    expect(renderText(await run(user, 'undo'))).toContain('nothing to undo');
    expect(await storedRows(db, memberId)).toEqual(before);
  });

  it('a refused remove keeps the previous undo: it rolls back with the command', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    await run(user, 'remove u1');
    expect((await run(user, 'remove c9')).kind).toBe('error');
    expect((await run(user, 'undo')).title).toBe('Undid "remove u1"');
    expect(await storedRows(db, memberId)).toEqual(before);
  });

  it('only the latest change is kept: undo after two removes puts back the state before the second', async () => {
    const { user, memberId } = await newMember();
    await run(user, 'remove u1');
    const between = await storedRows(db, memberId);
    await run(user, 'remove c2');
    expect((await run(user, 'undo')).title).toBe('Undid "remove c2"');
    expect(await storedRows(db, memberId)).toEqual(between);
  });

  it('later writes: undo names them and changes nothing; undo confirm:yes discards them', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    await run(user, 'remove c2');
    await run(user, 'add client:Hooli type:fixed start:2026-06-01');
    await run(user, 'pay u1 amount:10 date:2026-03-01');
    const afterWrites = await storedRows(db, memberId);
    const asked = await run(user, 'undo');
    expect(asked.kind).toBe('confirm');
    expect(asked.summary).toContain('added c1');
    expect(asked.summary).toContain('changed u1');
    expect(asked.actions?.[0]?.command).toBe('undo confirm:yes');
    expect(await storedRows(db, memberId)).toEqual(afterWrites);
    expect((await run(user, 'undo confirm:yes')).title).toBe('Undid "remove c2"');
    expect(await storedRows(db, memberId)).toEqual(before);
  });

  it('after 24 hours (by the Clock) undo refuses, says why, and the snapshot is deleted', async () => {
    const { user, memberId } = await newMember();
    await run(user, 'remove c2');
    const afterRemove = await storedRows(db, memberId);
    now = new Date(now.getTime() + 24 * HOUR);
    try {
      const late = await run(user, 'undo');
      expect(late.kind).toBe('error');
      expect(renderText(late)).toContain('more than 24 hours old');
      expect(await undoRows(db, memberId)).toBe(0);
      expect(await storedRows(db, memberId)).toEqual(afterRemove);
    } finally {
      now = new Date(now.getTime() - 24 * HOUR);
    }
  });

  it('just inside 24 hours undo still works', async () => {
    const { user, memberId } = await newMember();
    const before = await storedRows(db, memberId);
    await run(user, 'remove c2');
    now = new Date(now.getTime() + 24 * HOUR - 60_000);
    try {
      expect((await run(user, 'undo')).kind).toBe('success');
      expect(await storedRows(db, memberId)).toEqual(before);
    } finally {
      now = new Date(now.getTime() - 24 * HOUR + 60_000);
    }
  });

  it("another member's undo cannot reach a member's snapshot", async () => {
    const a = await newMember();
    const b = await newMember();
    const aBefore = await storedRows(db, a.memberId);
    await run(a.user, 'remove u1');
    const aAfter = await storedRows(db, a.memberId);
    const bBefore = await storedRows(db, b.memberId);
    expect(renderText(await run(b.user, 'undo'))).toContain('nothing to undo');
    expect(await storedRows(db, a.memberId)).toEqual(aAfter);
    expect(await storedRows(db, b.memberId)).toEqual(bBefore);
    expect(await store.restoreUndoSnapshot(b.memberId, now)).toBe(false);
    expect((await run(a.user, 'undo')).kind).toBe('success');
    expect(await storedRows(db, a.memberId)).toEqual(aBefore);
  });

  it('forget deletes the undo snapshot with the member', async () => {
    const { user, memberId } = await newMember();
    await run(user, 'remove c2');
    expect(await undoRows(db, memberId)).toBe(1);
    const code = /forget confirm:([A-Z0-9]+)/.exec((await run(user, 'forget')).summary ?? '')?.[1];
    expect((await run(user, `forget confirm:${code}`)).title).toBe('Everything about you is deleted');
    expect(await undoRows(db, memberId)).toBe(0);
  });

  it('the pruning job deletes expired snapshots only', async () => {
    const fresh = await newMember();
    const old = await newMember();
    now = new Date(now.getTime() - 25 * HOUR);
    await run(old.user, 'remove c2');
    now = new Date(now.getTime() + 25 * HOUR);
    await run(fresh.user, 'remove c2');
    expect(await store.pruneUndoSnapshots(now)).toBeGreaterThanOrEqual(1);
    expect(await undoRows(db, old.memberId)).toBe(0);
    expect(await undoRows(db, fresh.memberId)).toBe(1);
  });
});

describe.each(databaseKinds.filter((kind) => kind.name === 'postgres'))('undo races on PostgreSQL', (postgres) => {
  let store: Store;
  let db: Database;
  useDatabase(postgres, (opened) => ({ store, db } = opened));

  it('two undos at once: one restores, the other finds nothing to undo', async () => {
    const memberId = await memberOf(store, COMMUNITY, 'racer');
    await seedImported(db, memberId);
    const before = await storedRows(db, memberId);
    const run = (on: Store, text: string) =>
      runCommandText(throwingServices(on), commandContext('slack', COMMUNITY, 'racer'), text);
    expect((await run(store, 'remove u1')).title).toBe('Removed u1');
    const paused = pauseAfter(store, 'restoreUndoSnapshot');
    const first = run(paused.store, 'undo');
    await paused.reached;
    const second = run(store, 'undo');
    await untilSomeoneWaitsOnALock(db, 'the second undo');
    paused.release();
    expect((await first).title).toBe('Undid "remove u1"');
    expect(renderText(await second)).toContain('nothing to undo');
    expect(await storedRows(db, memberId)).toEqual(before);
  });
});
