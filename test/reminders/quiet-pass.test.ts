// The quiet pass (settleQuiet): members with nothing to send are settled in large batches that
// send nothing; the others stay pending for processBatch. Two instances racing still give each
// member exactly one outcome and each due member exactly one message.

import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createReminderQueue } from '../../db/reminder-queue.ts';
import { communities, reminderDeliveries } from '../../db/schema.ts';
import type { ReminderItem, ReminderQueue } from '../../src/ports/reminder-queue.ts';
import type { Store } from '../../src/ports/store.ts';
import { runReminders } from '../../src/reminders/job.ts';
import { routeByPlatform } from '../../src/reminders/senders.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';
import { alwaysFind, countBy, deliveryRow, member, recordingSenders, secondHandle } from './helpers.ts';

const DAY = '2026-11-22';

describe.each(databaseKinds)('the reminder quiet pass on $name', (kind) => {
  let opened: OpenedDatabase;
  let store: Store;
  let db: Database;
  let queue: ReminderQueue;

  useDatabase(kind, (fresh) => {
    opened = fresh;
    ({ store, db } = fresh);
    queue = createReminderQueue(db);
  });
  beforeEach(async () => {
    await db.delete(communities);
  });

  it('settles the quiet members in one pass, leaves the due ones pending, and is asked nothing it cannot answer', async () => {
    const quiet = [await member(store, { contracts: [] }), await member(store, { contracts: [] })];
    const due = await member(store);
    const leaving = await member(store, { contracts: [] });
    await queue.enqueueDay(DAY);
    await store.setMemberFlags(leaving.id, { remindersOptIn: false });
    const asked: number[] = [];
    const hasMessage = (item: ReminderItem) => {
      asked.push(item.memberId);
      return item.contracts.length > 0;
    };
    const settle = queue.settleQuiet?.bind(queue);
    if (!settle) throw new Error('the PostgreSQL queue has a quiet pass');
    expect(await settle(DAY, 100, hasMessage)).toEqual({
      claimed: 4,
      nothing: 2,
      optedOut: 1,
      lastMemberId: leaving.id,
    });
    // The member who turned reminders off is not looked at.
    expect(asked.sort()).toEqual([...quiet.map((found) => found.id), due.id].sort());
    for (const found of quiet)
      expect(await deliveryRow(db, found.id, DAY)).toMatchObject({ status: 'nothing', attempts: 1 });
    expect(await deliveryRow(db, leaving.id, DAY)).toMatchObject({ status: 'nothing', attempts: 0 });
    expect(await deliveryRow(db, due.id, DAY)).toMatchObject({ status: 'pending', attempts: 0 });
    // Past the last member there is nothing left to claim.
    expect(await settle(DAY, 100, hasMessage, undefined, leaving.id)).toMatchObject({ claimed: 0 });
  });

  it('two instances with small quiet batches over 40 quiet and 20 due members: one outcome each, one message per due member', async () => {
    const due: number[] = [];
    const quiet: number[] = [];
    for (let i = 0; i < 60; i++) {
      const found = await member(store, {
        platform: i % 2 === 0 ? 'slack' : 'discord',
        contracts: i % 3 === 0 ? undefined : [],
      });
      (i % 3 === 0 ? due : quiet).push(found.id);
    }
    const other = await secondHandle(opened);
    try {
      const { senders, delivered } = recordingSenders(() => null, 2);
      const run = (on: Database) =>
        runReminders({
          queue: createReminderQueue(on),
          asOf: DAY,
          send: routeByPlatform(senders),
          batchSize: 3,
          quietBatchSize: 7,
          find: alwaysFind,
        });
      const [first, second] = await Promise.all([run(db), run(other.db)]);
      expect(first.sent + second.sent).toBe(due.length);
      expect(first.nothing + second.nothing).toBe(quiet.length);
      expect(first.failed + second.failed).toBe(0);
      expect(delivered).toHaveLength(due.length);
      expect([...countBy(delivered, (message) => message.userId).values()].every((count) => count === 1)).toBe(true);
      const rows = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.day, DAY));
      const byMember = new Map(rows.map((row) => [row.memberId, row]));
      for (const id of due) expect(byMember.get(id)).toMatchObject({ status: 'sent', attempts: 1 });
      for (const id of quiet) expect(byMember.get(id)).toMatchObject({ status: 'nothing', attempts: 1 });
    } finally {
      await other.close();
    }
  });

  it('a finder that throws leaves the member to processBatch, which records the failure', async () => {
    const broken = await member(store, { contracts: [] });
    const { senders } = recordingSenders();
    const summary = await runReminders({
      queue,
      asOf: DAY,
      send: routeByPlatform(senders),
      quietBatchSize: 50,
      find: () => {
        throw new Error('no contracts to look at');
      },
    });
    expect(summary).toEqual({ sent: 0, nothing: 0, failed: 1 });
    expect(await deliveryRow(db, broken.id, DAY)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'finding reminders: no contracts to look at',
    });
  });
});
