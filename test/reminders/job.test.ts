import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createReminderQueue } from '../../db/reminder-queue.ts';
import { MAX_ATTEMPTS, type ReminderQueue } from '../../src/ports/reminder-queue.ts';
import { communities, reminderDeliveries } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { runReminders } from '../../src/reminders/job.ts';
import type { DirectMessages } from '../../src/ports/direct-message.ts';
import { routeByPlatform } from '../../src/reminders/senders.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';
import { alwaysFind, countBy, deliveryRow, member, recordingSenders, secondHandle } from './helpers.ts';

const DAY = '2026-11-22';
const NEXT_DAY = '2026-11-23';
const RACE_MEMBERS = 60;

describe.each(databaseKinds)('daily reminders on $name', (kind) => {
  let opened: OpenedDatabase;
  let store: Store;
  let db: Database;
  let queue: ReminderQueue;

  useDatabase(kind, (fresh) => {
    opened = fresh;
    ({ store, db } = fresh);
    queue = createReminderQueue(db);
  });
  // Every test starts from an empty database (members, their contracts and rows go with their community).
  beforeEach(async () => {
    await db.delete(communities);
  });

  /** The job as a bot instance runs it; the finder is injected (see alwaysFind). */
  const run = (senders: DirectMessages, day = DAY, on: ReminderQueue = queue, batchSize = 5) =>
    runReminders({ queue: on, asOf: day, send: routeByPlatform(senders), batchSize, find: alwaysFind });

  it('two workers on two connections racing over 60 members send each member exactly one message', async () => {
    const platforms = ['slack', 'discord', 'console'] as const;
    const ids: number[] = [];
    for (let i = 0; i < RACE_MEMBERS; i++) ids.push((await member(store, { platform: platforms[i % 3] })).id);
    const other = await secondHandle(opened);
    try {
      // Two instances: each its own queue on its own connection (on PGlite, the one session).
      const { senders, delivered } = recordingSenders(() => null, 2);
      const [first, second] = await Promise.all([
        run(senders, DAY, queue, 5),
        run(senders, DAY, createReminderQueue(other.db), 5),
      ]);
      const perMember = countBy(delivered, (message) => `${message.platform}:${message.userId}`);
      expect(perMember.size).toBe(RACE_MEMBERS);
      expect([...perMember.values()].every((count) => count === 1)).toBe(true);
      expect(first.sent + second.sent).toBe(RACE_MEMBERS);
      // Both took part: the rows were shared out, not all taken by whoever came first.
      expect(first.sent).toBeGreaterThan(0);
      expect(second.sent).toBeGreaterThan(0);
      expect(first.failed + second.failed).toBe(0);
      const rows = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.day, DAY));
      expect(rows).toHaveLength(RACE_MEMBERS);
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && row.lastError === null)).toBe(true);
      expect(new Set(rows.map((row) => row.memberId))).toEqual(new Set(ids));

      // Again the same day, from both instances: nothing more goes out.
      const again = await Promise.all([run(senders), run(senders, DAY, createReminderQueue(other.db))]);
      expect(again.map((summary) => summary.sent)).toEqual([0, 0]);
      expect(delivered).toHaveLength(RACE_MEMBERS);

      // The next day is a new day: one more message each.
      const next = await Promise.all([run(senders, NEXT_DAY), run(senders, NEXT_DAY, createReminderQueue(other.db))]);
      expect(next[0].sent + next[1].sent).toBe(RACE_MEMBERS);
      expect(
        [...countBy(delivered, (message) => `${message.platform}:${message.userId}`).values()].every(
          (count) => count === 2,
        ),
      ).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("sends each message on its member's platform, to their platform user id, as their reminders", async () => {
    const slack = await member(store, { platform: 'slack' });
    const discord = await member(store, { platform: 'discord' });
    const { senders, delivered } = recordingSenders();
    expect(await run(senders)).toEqual({ sent: 2, nothing: 0, failed: 0 });
    expect(
      delivered
        .map(({ platform, userId }) => ({ platform, userId }))
        .sort((a, b) => a.platform.localeCompare(b.platform)),
    ).toEqual([
      { platform: 'discord', userId: discord.platformUserId },
      { platform: 'slack', userId: slack.platformUserId },
    ]);
    expect(JSON.stringify(delivered[0]?.reply)).toContain('stops counting soon');
  });

  it('sends nothing to members without reminders on, and nothing when there is nothing to say', async () => {
    const off = await member(store, { reminders: false });
    const quiet = await member(store, { contracts: [] });
    const { senders, delivered } = recordingSenders();
    expect(await run(senders)).toEqual({ sent: 0, nothing: 1, failed: 0 });
    expect(delivered).toEqual([]);
    expect(await deliveryRow(db, off.id, DAY)).toBeUndefined();
    expect(await deliveryRow(db, quiet.id, DAY)).toMatchObject({ status: 'nothing', attempts: 1 });
  });

  it('skips a member who turned reminders off after the day was enqueued', async () => {
    const leaving = await member(store);
    const staying = await member(store);
    expect(await queue.enqueueDay(DAY)).toBe(2);
    await store.setMemberFlags(leaving.id, { remindersOptIn: false });
    const { senders, delivered } = recordingSenders();
    expect(await run(senders)).toEqual({ sent: 1, nothing: 1, failed: 0 });
    expect(delivered.map((message) => message.userId)).toEqual([staying.platformUserId]);
    expect(await deliveryRow(db, leaving.id, DAY)).toMatchObject({ status: 'nothing', attempts: 0 });
  });

  it('retries a failed send on later runs, and stops after the last try', async () => {
    const failing = await member(store);
    const flaky = await member(store);
    const fine = await member(store);
    let flakyTries = 0;
    const { senders, delivered } = recordingSenders((userId) => {
      if (userId === failing.platformUserId) return 'channel_not_found';
      if (userId === flaky.platformUserId && ++flakyTries === 1) return 'ratelimited';
      return null;
    });
    // First run: the failures are recorded and not retried within the run.
    expect(await run(senders)).toEqual({ sent: 1, nothing: 0, failed: 2 });
    expect(await deliveryRow(db, failing.id, DAY)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'channel_not_found',
    });
    // Second run: the flaky one goes through; the other fails again.
    expect(await run(senders)).toEqual({ sent: 1, nothing: 0, failed: 1 });
    expect(await deliveryRow(db, flaky.id, DAY)).toMatchObject({ status: 'sent', attempts: 2 });
    for (let i = 3; i <= MAX_ATTEMPTS + 2; i++) await run(senders);
    expect(await deliveryRow(db, failing.id, DAY)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'channel_not_found',
    });
    expect(countBy(delivered, (message) => message.userId)).toEqual(
      new Map([
        [fine.platformUserId, 1],
        [flaky.platformUserId, 1],
      ]),
    );
  });

  it('a finder that throws fails that member only', async () => {
    const broken = await member(store, { contracts: [] });
    const fine = await member(store);
    const { senders, delivered } = recordingSenders();
    const summary = await runReminders({
      queue,
      asOf: DAY,
      send: routeByPlatform(senders),
      find: (contracts, asOf) => {
        if (contracts.length === 0) throw new Error('no contracts to look at');
        return alwaysFind(contracts, asOf);
      },
    });
    expect(summary).toEqual({ sent: 1, nothing: 0, failed: 1 });
    expect(delivered.map((message) => message.userId)).toEqual([fine.platformUserId]);
    expect(await deliveryRow(db, broken.id, DAY)).toMatchObject({
      status: 'failed',
      lastError: 'finding reminders: no contracts to look at',
    });
  });

  it('a crash inside the batch rolls it back: its rows stay pending and a later run sends them', async () => {
    const ids = [(await member(store)).id, (await member(store)).id, (await member(store)).id];
    await queue.enqueueDay(DAY);
    let worked = 0;
    await expect(
      queue.processBatch(DAY, 10, async () => {
        if (++worked === 2) throw new Error('the process died here');
        return { status: 'sent' };
      }),
    ).rejects.toThrow('the process died here');
    for (const id of ids) expect(await deliveryRow(db, id, DAY)).toMatchObject({ status: 'pending', attempts: 0 });
    const { senders, delivered } = recordingSenders();
    expect(await run(senders)).toEqual({ sent: 3, nothing: 0, failed: 0 });
    expect(delivered).toHaveLength(3);
  });

  it('an instance works only on the platforms it can send to', async () => {
    const slack = await member(store, { platform: 'slack' });
    const discord = await member(store, { platform: 'discord' });
    const { senders, delivered } = recordingSenders();
    const slackOnly = await runReminders({
      queue,
      asOf: DAY,
      send: routeByPlatform(senders),
      platforms: ['slack'],
      find: alwaysFind,
    });
    expect(slackOnly).toEqual({ sent: 1, nothing: 0, failed: 0 });
    expect(delivered.map((message) => message.userId)).toEqual([slack.platformUserId]);
    // The Discord member's reminder is left for an instance that can send it.
    expect(await deliveryRow(db, discord.id, DAY)).toBeUndefined();
    expect(await run(senders)).toEqual({ sent: 1, nothing: 0, failed: 0 });
    expect(await deliveryRow(db, discord.id, DAY)).toMatchObject({ status: 'sent' });
  });

  it('a forgotten member takes their rows with them', async () => {
    const gone = await member(store);
    await queue.enqueueDay(DAY);
    await store.forgetMember(gone.id);
    const { senders, delivered } = recordingSenders();
    expect(await run(senders)).toEqual({ sent: 0, nothing: 0, failed: 0 });
    expect(delivered).toEqual([]);
  });
});
