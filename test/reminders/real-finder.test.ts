// The daily job with the real findReminders and reminderReply, end to end through the database:
// an open contract with no payment or feedback, the day before its grace period runs out.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderQueue } from '../../db/reminder-queue.ts';
import type { Store } from '../../src/ports/store.ts';
import { runReminders } from '../../src/reminders/job.ts';
import { routeByPlatform } from '../../src/reminders/senders.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Contract } from '../../src/scoring/types.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';
import { countBy, deliveryRow, member, recordingSenders, secondHandle } from './helpers.ts';

/** Four 5-star contracts from four clients, ended 2026-07-01: 100% in every 2015 window. */
const GOOD: Contract[] = ['Acme', 'Bolt', 'Cobalt', 'Delta'].map((client, index) => ({
  id: `s${index + 1}`,
  client,
  type: 'hourly',
  start: '2026-06-01',
  end: '2026-07-01',
  earnings: 100,
  stars: 5,
}));
/** Open, $0, no feedback since 2026-10-01: under upwork-2015 a negative from 2026-12-01 (start + 60 days). */
const IDLE: Contract = { id: 'C12', client: 'Echo', type: 'hourly', start: '2026-10-01' };
/** The day before the grace limit. */
const DAY = '2026-11-30';
const MEMBERS = 12;

describe.each(databaseKinds)('daily reminders from the real finder on $name', (kind) => {
  let opened: OpenedDatabase;
  let store: Store;

  beforeAll(async () => {
    opened = await kind.open();
    store = opened.store;
  });
  afterAll(async () => opened.close());

  it("members whose open contract is a day from its grace limit get one message each, under their community's model", async () => {
    // The same contracts under two models: upwork-2015 counts the idle contract as negative
    // tomorrow; upwork-2025 leaves it out, so there is nothing to say.
    const old = await store.ensureCommunity({ platform: 'slack', externalId: 'old-rules', name: 'Old rules' });
    await store.updateCommunity(old.id, { model: 'upwork-2015' });
    const warned: number[] = [];
    const quiet: number[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      warned.push((await member(store, { platform: 'slack', community: 'old-rules', contracts: [...GOOD, IDLE] })).id);
      quiet.push((await member(store, { platform: 'discord', community: 'new-rules', contracts: [...GOOD, IDLE] })).id);
    }
    const allGood = await member(store, { platform: 'slack', community: 'old-rules', contracts: GOOD });

    const other = await secondHandle(opened);
    try {
      const { senders, delivered } = recordingSenders(() => null, 2);
      const run = (db: OpenedDatabase['db']) =>
        runReminders({ queue: createReminderQueue(db), asOf: DAY, send: routeByPlatform(senders), batchSize: 4 });
      const [first, second] = await Promise.all([run(opened.db), run(other.db)]);
      expect(first.sent + second.sent).toBe(MEMBERS);
      expect(first.nothing + second.nothing).toBe(MEMBERS + 1);
      expect(first.failed + second.failed).toBe(0);

      const perMember = countBy(delivered, (message) => message.userId);
      expect(perMember.size).toBe(MEMBERS);
      expect([...perMember.values()].every((count) => count === 1)).toBe(true);
      expect(delivered.every((message) => message.platform === 'slack')).toBe(true);
      const [message] = delivered;
      if (!message) throw new Error('nothing was sent');
      const text = renderText(message.reply);
      expect(text).toContain(`JSS reminders for ${DAY}`);
      expect(text).toContain(
        'On 2026-12-01 (tomorrow) C12 (Echo) passes 60 days with no payment or feedback and counts as negative: your score falls from 100% to 60%.',
      );

      for (const id of warned)
        expect(await deliveryRow(opened.db, id, DAY)).toMatchObject({ status: 'sent', attempts: 1 });
      for (const id of [...quiet, allGood.id])
        expect(await deliveryRow(opened.db, id, DAY)).toMatchObject({ status: 'nothing', attempts: 1 });

      // Again the same day: nothing more.
      const again = await run(other.db);
      expect(again).toEqual({ sent: 0, nothing: 0, failed: 0 });
      expect(delivered).toHaveLength(MEMBERS);
    } finally {
      await other.close();
    }
  });
});
