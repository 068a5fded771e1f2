import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createReminderQueue } from '../../db/reminder-queue.ts';
import type { ReminderQueue } from '../../src/ports/reminder-queue.ts';
import { communities } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import type { ReminderSummary } from '../../src/reminders/job.ts';
import { PassThrough } from 'node:stream';
import { directMessagesOf } from '../../app/direct-messages.ts';
import { silentLogger, type Logger } from '../../src/ports/logger.ts';
import { reply } from '../../src/replies/reply.ts';
import { dueDays, startReminderSchedule } from '../../src/reminders/schedule.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { alwaysFind, member, recordingSenders } from './helpers.ts';

const DAY = '2026-11-22';

describe("the reminder days of a run (each member's own zone)", () => {
  it("is due from the hour in each zone, for that zone's date", () => {
    const zones = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin', 'UTC'];
    // 2026-11-30T20:00Z: 09:00 Dec 1 in Auckland (NZDT, +13), 12:00 in Los Angeles, 21:00 in Berlin.
    expect(dueDays(zones, new Date('2026-11-30T20:00:00Z'), 9)).toEqual([
      { day: '2026-11-30', timeZones: ['America/Los_Angeles', 'Europe/Berlin', 'UTC'] },
      { day: '2026-12-01', timeZones: ['Pacific/Auckland'] },
    ]);
    // A second earlier it is 08:59 in Auckland: not yet.
    expect(dueDays(zones, new Date('2026-11-30T19:59:59Z'), 9).flatMap((due) => due.timeZones)).not.toContain(
      'Pacific/Auckland',
    );
    // 09:00 in Los Angeles (PST, -8) is 17:00 UTC; 08:59 there is not yet.
    expect(dueDays(['America/Los_Angeles'], new Date('2026-11-30T17:00:00Z'), 9)).toEqual([
      { day: '2026-11-30', timeZones: ['America/Los_Angeles'] },
    ]);
    expect(dueDays(['America/Los_Angeles'], new Date('2026-11-30T16:59:00Z'), 9)).toEqual([]);
  });
});

/** A logger that keeps the messages of warnings. */
function warningsInto(warnings: string[]): Logger {
  return { ...silentLogger, warn: (_fields, message) => warnings.push(message), child: () => warningsInto(warnings) };
}

describe('the direct-message senders of an instance', () => {
  it('has the console always, Slack with its settings, Discord only with a bot token (said once)', async () => {
    const output = new PassThrough();
    const logged: string[] = [];
    const logger = warningsInto(logged);
    expect(Object.keys(await directMessagesOf({ slack: null, discord: null }, output, logger))).toEqual(['console']);
    const slack = { botToken: 'xoxb-1', signingSecret: 'secret', appToken: null, apiUrl: null, port: 0 };
    expect(Object.keys(await directMessagesOf({ slack, discord: null }, output, logger)).sort()).toEqual([
      'console',
      'slack',
    ]);
    expect(logged).toEqual([]);
    const httpOnly = {
      applicationId: '1',
      publicKey: 'a'.repeat(64),
      token: null,
      apiUrl: null,
      port: 0,
      shards: null,
    };
    expect(Object.keys(await directMessagesOf({ slack: null, discord: httpOnly }, output, logger))).toEqual([
      'console',
    ]);
    expect(logged).toEqual([
      'Discord direct messages (reminders) need DISCORD_TOKEN, the bot token; Discord members get no reminders from this instance',
    ]);
    expect(
      Object.keys(await directMessagesOf({ slack: null, discord: { ...httpOnly, token: 't' } }, output, logger)).sort(),
    ).toEqual(['console', 'discord']);
  });

  it("prints a console member's reminders as text, saying whom they are for", async () => {
    const output = new PassThrough();
    const send = (await directMessagesOf({ slack: null, discord: null }, output, silentLogger)).console;
    await send?.(
      'maria',
      reply('info', 'Your JSS reminders for 2026-11-22', { blocks: [{ type: 'list', items: ['c1 stops counting'] }] }),
      'console',
    );
    const text = String(output.read());
    expect(text).toContain('[direct message to maria]\nYour JSS reminders for 2026-11-22');
    expect(text).toContain('c1 stops counting');
  });
});

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe('the reminder schedule', () => {
  let store: Store;
  let db: Database;
  let queue: ReminderQueue;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, db, close } = await pglite.open());
    queue = createReminderQueue(db);
  });
  afterAll(async () => close());
  beforeEach(async () => {
    await db.delete(communities);
  });

  /** Resolves once the schedule has reported `count` runs. */
  function waitForRun(runs: ReminderSummary[], count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (runs.length >= count) resolve(clearInterval(poll));
        else if (Date.now() - started > 5000) reject(new Error(`only ${runs.length} runs`));
      }, 10);
    });
  }

  it('runs at start once the hour has come, again on its interval, and each member gets one message a day', async () => {
    const alice = await member(store);
    const { senders, delivered } = recordingSenders();
    const runs: ReminderSummary[] = [];
    const stop = startReminderSchedule({
      queue,
      senders,
      hour: 9,
      now: () => new Date(`${DAY}T09:00:00Z`),
      everyMinutes: 0.001,
      find: alwaysFind,
      log: () => {},
      onRun: (_day, summary) => runs.push(summary),
    });
    await waitForRun(runs, 3);
    await stop();
    expect(runs[0]).toEqual({ sent: 1, nothing: 0, failed: 0 });
    expect(runs.slice(1).every((summary) => summary.sent === 0)).toBe(true);
    expect(delivered.map((message) => message.userId)).toEqual([alice.platformUserId]);
  });

  it('sends nothing before the hour', async () => {
    await member(store);
    const { senders, delivered } = recordingSenders();
    const runs: ReminderSummary[] = [];
    const stop = startReminderSchedule({
      queue,
      senders,
      hour: 9,
      now: () => new Date(`${DAY}T08:59:59Z`),
      everyMinutes: 0.001,
      find: alwaysFind,
      log: () => {},
      onRun: (_day, summary) => runs.push(summary),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stop();
    expect(runs).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it('logs a failed run and runs again on its interval; stop() waits for the run under way', async () => {
    const logged: string[] = [];
    let calls = 0;
    let finished = 0;
    const broken: ReminderQueue = {
      enqueueDay: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 30));
        finished++;
        throw new Error('database is down');
      },
      processBatch: async () => ({ claimed: 0, sent: 0, nothing: 0, failed: 0, optedOut: 0 }),
      timeZones: async () => ['UTC'],
    };
    const stop = startReminderSchedule({
      queue: broken,
      senders: {},
      pinnedDay: DAY,
      hour: 0,
      everyMinutes: 0.001,
      log: (message) => logged.push(message),
    });
    while (calls < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await stop();
    // The run under way when stop() was called has ended, and none starts after.
    expect(finished).toBe(calls);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(calls);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.every((message) => message.startsWith('reminders failed: Error: database is down'))).toBe(true);
  });

  it("logs the day's sends and failures", async () => {
    const failing = await member(store);
    await member(store);
    const logged: string[] = [];
    const runs: ReminderSummary[] = [];
    const { senders } = recordingSenders((userId) => (userId === failing.platformUserId ? 'user_not_found' : null));
    const stop = startReminderSchedule({
      queue,
      senders,
      pinnedDay: DAY,
      hour: 0,
      everyMinutes: 60,
      find: alwaysFind,
      log: (message) => logged.push(message),
      onRun: (_day, summary) => runs.push(summary),
    });
    await waitForRun(runs, 1);
    await stop();
    expect(logged).toEqual([`reminders for ${DAY}: 1 sent, 1 failed (retried on later runs, up to 3 tries)`]);
  });

  it("sends at 09:00 in each member's zone, for their own day; a member without a zone at 09:00 UTC", async () => {
    const auckland = await member(store);
    const losAngeles = await member(store);
    const noZone = await member(store);
    await store.setMemberTimeZone(auckland.id, 'Pacific/Auckland', null);
    await store.setMemberTimeZone(losAngeles.id, 'America/Los_Angeles', new Date('2026-11-30T00:00:00Z'));
    let clock = new Date(0);
    const { senders, delivered } = recordingSenders();
    const days: string[] = [];
    /** One run of the schedule at `at`, which works on `expected` days; the days it worked on. */
    const run = async (at: string, expected: number) => {
      clock = new Date(at);
      const before = days.length;
      const stop = startReminderSchedule({
        queue,
        senders,
        hour: 9,
        now: () => clock,
        everyMinutes: 60,
        find: alwaysFind,
        log: () => {},
        onRun: (day) => days.push(day),
      });
      const started = Date.now();
      while (days.length < before + expected && Date.now() - started < 5000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await stop();
      return days.slice(before);
    };
    const sentTo = () => delivered.map((message) => message.userId);
    // 21:59 on Nov 30 in Auckland (NZDT, +13): their Nov 30 reminder is due; 00:59 in Los Angeles, 08:59 UTC.
    expect(await run('2026-11-30T08:59:00Z', 1)).toEqual(['2026-11-30']);
    expect(sentTo()).toEqual([auckland.platformUserId]);
    expect(await run('2026-11-30T09:00:00Z', 1)).toEqual(['2026-11-30']);
    expect(sentTo()).toEqual([auckland.platformUserId, noZone.platformUserId]);
    expect(await run('2026-11-30T16:59:00Z', 1)).toEqual(['2026-11-30']); // 08:59 in Los Angeles (PST, -8)
    expect(sentTo()).toEqual([auckland.platformUserId, noZone.platformUserId]);
    expect(await run('2026-11-30T17:00:00Z', 1)).toEqual(['2026-11-30']); // 09:00 in Los Angeles
    expect(sentTo()).toEqual([auckland.platformUserId, noZone.platformUserId, losAngeles.platformUserId]);
    expect(await run('2026-11-30T19:59:00Z', 1)).toEqual(['2026-11-30']); // 08:59 on Dec 1 in Auckland
    expect(sentTo()).toHaveLength(3);
    expect(await run('2026-11-30T20:00:00Z', 2)).toEqual(['2026-11-30', '2026-12-01']); // 09:00 on Dec 1 in Auckland
    expect(sentTo()).toEqual([
      auckland.platformUserId,
      noZone.platformUserId,
      losAngeles.platformUserId,
      auckland.platformUserId,
    ]);
    expect(delivered.at(-1)?.reply.title).toContain('2026-12-01');
  });
});
