// "today" is the member's day: their own zone (timezone command), else the platform's (Slack's
// users.info, as ctx.timeZone), else the adapter's day; JSS_AS_OF (pinnedToday) wins over all.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { canonicalTimeZone, dayInTimeZone, localTime, memberTimeZone } from '../../src/commands/time-zone.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext, TEST_AS_OF } from '../helpers/command-context.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { historyMemberOf } from '../helpers/history-member.ts';

const NOON_UTC = new Date('2026-11-30T12:00:00Z');

describe('time zones (pure)', () => {
  it('reads IANA names as Intl spells them, and refuses what is not one', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone(' europe/berlin ')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const bad of ['', 'Europe/Nowhere', 'Berlin', '+01:00', 'GMT+25']) expect(canonicalTimeZone(bad)).toBeNull();
  });

  it('gives the day and hour at an instant in a zone', () => {
    expect(dayInTimeZone(NOON_UTC, 'Pacific/Auckland')).toBe('2026-12-01');
    expect(dayInTimeZone(NOON_UTC, 'America/Los_Angeles')).toBe('2026-11-30');
    expect(localTime(new Date('2026-11-30T20:00:00Z'), 'Pacific/Auckland')).toEqual({ day: '2026-12-01', hour: 9 });
    expect(localTime(new Date('2026-11-30T23:30:00Z'), 'UTC')).toEqual({ day: '2026-11-30', hour: 23 });
  });

  it('in any zone, the day is the UTC day or one of its neighbours, and in UTC it is the ISO date', () => {
    const zones = [
      'UTC',
      'Pacific/Auckland',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/Los_Angeles',
      'Asia/Kolkata',
      'Europe/Berlin',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = new Date(ms);
          const utc = instant.toISOString().slice(0, 10);
          expect(dayInTimeZone(instant, 'UTC')).toBe(utc);
          const day = Date.parse(`${dayInTimeZone(instant, zone)}T00:00:00Z`);
          expect(Math.abs(day - Date.parse(`${utc}T00:00:00Z`))).toBeLessThanOrEqual(86_400_000);
        },
      ),
    );
  });

  it("the member's own zone wins over the platform's; a cached platform zone is used when the platform gives none", () => {
    const cached = new Date('2026-11-30T00:00:00Z');
    expect(memberTimeZone({ timeZone: 'Europe/Berlin', timeZoneFetchedAt: null }, 'America/New_York')).toBe(
      'Europe/Berlin',
    );
    expect(memberTimeZone({ timeZone: 'Europe/Berlin', timeZoneFetchedAt: cached }, 'America/New_York')).toBe(
      'America/New_York',
    );
    expect(memberTimeZone({ timeZone: 'Europe/Berlin', timeZoneFetchedAt: cached }, null)).toBe('Europe/Berlin');
    expect(memberTimeZone({ timeZone: null, timeZoneFetchedAt: null }, undefined)).toBeNull();
  });
});

for (const kind of databaseKinds) {
  describe(`"today" is the member's day (${kind.name})`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let services: Services;

    beforeAll(async () => {
      ({ store, close } = await kind.open());
      services = { store, clock: { now: () => NOON_UTC } };
    });
    afterAll(async () => close());

    const say = (user: string, text: string, extra = {}) =>
      runCommandText(services, commandContext('discord', 'guild-tz', user, extra), text);
    const startOf = async (user: string) => {
      // On Discord the contracts are the person's, in every server.
      const member = await historyMemberOf(store, 'discord', 'guild-tz', user);
      return (await store.listContracts(member?.id ?? -1)).map((contract) => contract.start);
    };

    it('a member in Pacific/Auckland at 2026-11-30T12:00Z says today and gets 2026-12-01; one in Los Angeles gets 2026-11-30', async () => {
      expect((await say('kiwi', 'timezone zone:Pacific/Auckland')).title).toBe('Time zone set');
      expect((await say('angeleno', 'timezone zone:america/los_angeles')).title).toBe('Time zone set');
      const kiwi = renderText(await say('kiwi', 'add client:Acme type:hourly start:today'));
      const angeleno = renderText(await say('angeleno', 'add client:Acme type:hourly start:today'));
      expect(kiwi).toContain('Read start: today as 2026-12-01.');
      expect(angeleno).toContain('Read start: today as 2026-11-30.');
      expect(await startOf('kiwi')).toEqual(['2026-12-01']);
      expect(await startOf('angeleno')).toEqual(['2026-11-30']);
    });

    it("yesterday is the day before the member's today", async () => {
      await say('kiwi2', 'timezone zone:Pacific/Auckland');
      await say('kiwi2', 'add client:Acme type:hourly start:yesterday');
      expect(await startOf('kiwi2')).toEqual(['2026-11-30']);
    });

    it("without a zone of their own: the platform's zone, else the adapter's day", async () => {
      await say('slacker', 'add client:Acme type:hourly start:today', { timeZone: 'Pacific/Auckland' });
      expect(await startOf('slacker')).toEqual(['2026-12-01']);
      await say('nowhere', 'add client:Acme type:hourly start:today');
      expect(await startOf('nowhere')).toEqual([TEST_AS_OF]);
    });

    it("JSS_AS_OF pins every member's today", async () => {
      await say('pinned', 'timezone zone:Pacific/Auckland');
      await runCommandText(
        { ...services, pinnedToday: '2026-06-01' },
        commandContext('discord', 'guild-tz', 'pinned'),
        'add client:Acme type:hourly start:today',
      );
      expect(await startOf('pinned')).toEqual(['2026-06-01']);
    });

    it('shows, refuses a name that is not a zone (changing nothing), and clears; no admin needed', async () => {
      expect(renderText(await say('shower', 'timezone'))).toContain(
        `No time zone is set: today is ${TEST_AS_OF} (UTC). Set yours with "timezone zone:Europe/Berlin".`,
      );
      await say('shower', 'timezone zone:Europe/Berlin');
      const refused = await say('shower', 'timezone zone:Mars/Olympus');
      expect(refused.kind).toBe('error');
      expect(renderText(refused)).toContain(
        'zone: got "Mars/Olympus", expected an IANA time zone such as Europe/Berlin, America/Los_Angeles or Asia/Kolkata, or "none" to clear yours; nothing was changed',
      );
      expect(renderText(await say('shower', 'timezone'))).toContain(
        'Your time zone is Europe/Berlin (you set it); today is 2026-11-30 for you.',
      );
      expect((await say('shower', 'timezone zone:none')).title).toBe('Time zone cleared');
      expect(renderText(await say('shower', 'timezone'))).toContain('No time zone is set');
    });
  });
}
