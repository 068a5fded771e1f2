// The reminder queue and members' time zones: which zones have members who want reminders, and a
// day enqueued for some zones only (the schedule's due zones), on PGlite and PostgreSQL.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createReminderQueue } from '../../db/reminder-queue.ts';
import { communities, reminderDeliveries } from '../../db/schema.ts';
import type { ReminderQueue } from '../../src/ports/reminder-queue.ts';
import type { Store } from '../../src/ports/store.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { member } from './helpers.ts';

describe.each(databaseKinds)('reminders by time zone on $name', (kind) => {
  let store: Store;
  let db: Database;
  let queue: ReminderQueue;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, db, close } = await kind.open());
    queue = createReminderQueue(db);
  });
  afterAll(async () => close());
  beforeEach(async () => {
    await db.delete(communities);
  });

  it('lists each zone of members who want reminders once, UTC for those without one', async () => {
    const a = await member(store);
    const b = await member(store);
    await member(store);
    const off = await member(store, { reminders: false });
    await store.setMemberTimeZone(a.id, 'Pacific/Auckland', null);
    await store.setMemberTimeZone(b.id, 'Pacific/Auckland', new Date());
    await store.setMemberTimeZone(off.id, 'Asia/Tokyo', null);
    expect((await queue.timeZones()).sort()).toEqual(['Pacific/Auckland', 'UTC']);
    expect(await queue.timeZones({ platforms: ['discord'] })).toEqual([]);
  });

  it('enqueues a day for the members of the zones given only', async () => {
    const kiwi = await member(store);
    const plain = await member(store);
    await store.setMemberTimeZone(kiwi.id, 'Pacific/Auckland', null);
    expect(await queue.enqueueDay('2026-12-01', { timeZones: ['Pacific/Auckland'] })).toBe(1);
    expect(await queue.enqueueDay('2026-11-30', { timeZones: ['UTC', 'America/Los_Angeles'] })).toBe(1);
    const rows = (await db.select().from(reminderDeliveries)).map((row) => [row.memberId, row.day]).sort();
    expect(rows).toEqual(
      [
        [kiwi.id, '2026-12-01'],
        [plain.id, '2026-11-30'],
      ].sort(),
    );
  });
});
