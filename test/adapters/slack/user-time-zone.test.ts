// The Slack member's zone from users.info (tz), cached in their row for a day, against a fake
// Slack Web API on loopback; and end to end through the Bolt app: "today" is the member's day.

import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../adapters/slack/app.ts';
import { createSlackTimeZoneCache } from '../../../adapters/slack/time-zone-cache.ts';
import { slackUserTimeZone, TIME_ZONE_REFRESH_MS } from '../../../adapters/slack/user-time-zone.ts';
import { silentLogger, type Logger } from '../../../src/ports/logger.ts';
import type { Store } from '../../../src/ports/store.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startFakeServer, type FakeServer } from '../../helpers/fake-http.ts';
import { startTestSlackApp } from '../../helpers/slack-app.ts';
import { postSignedSlack } from '../../helpers/slack-request.ts';

const TEAM = 'T0ZONES';
const COMMUNITY = { platform: 'slack', externalId: TEAM } as const;
const NOON_UTC = new Date('2026-11-30T12:00:00Z');

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe("the Slack member's time zone (users.info on a fake Web API)", () => {
  let store: Store;
  let close: () => Promise<void>;
  let slack: FakeServer;
  let client: WebClient;
  /** What the fake says each user's tz is; a user missing here gets ok:false. */
  const zones = new Map<string, string | undefined>();
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (_fields, message) => warnings.push(message), child: () => logger };

  beforeAll(async () => {
    ({ store, close } = await pglite.open());
    slack = await startFakeServer((request) => {
      if (request.path !== '/api/users.info') return { json: { ok: true } };
      const user = String(request.data?.user ?? '');
      if (!zones.has(user)) return { json: { ok: false, error: 'missing_scope' } };
      return { json: { ok: true, user: { id: user, tz: zones.get(user), is_admin: false } } };
    });
    client = new WebClient('xoxb-test', { slackApiUrl: `${slack.url}/api/`, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack.close();
    await close();
  });
  beforeEach(() => {
    warnings.length = 0;
  });

  const asks = (user: string) =>
    slack.requests.filter((request) => request.path === '/api/users.info' && request.data?.user === user).length;
  const lookup = (userId: string, now = NOON_UTC) =>
    slackUserTimeZone({ store, client, community: COMMUNITY, userId, now, logger });
  async function stored(user: string) {
    const community = await store.ensureCommunity(COMMUNITY);
    const member = await store.findMember(community.id, user);
    return member ? { timeZone: member.timeZone, fetchedAt: member.timeZoneFetchedAt?.toISOString() ?? null } : null;
  }
  async function memberOf(user: string) {
    const community = await store.ensureCommunity(COMMUNITY);
    return store.ensureMember(community.id, user, user);
  }

  it('asks Slack once, caches the zone with the time, and asks again only after a day', async () => {
    await memberOf('U-cache');
    zones.set('U-cache', 'Pacific/Auckland');
    expect(await lookup('U-cache')).toBe('Pacific/Auckland');
    expect(await stored('U-cache')).toEqual({ timeZone: 'Pacific/Auckland', fetchedAt: NOON_UTC.toISOString() });
    // They moved; within the day the cache answers.
    zones.set('U-cache', 'America/Los_Angeles');
    expect(await lookup('U-cache', new Date(NOON_UTC.getTime() + TIME_ZONE_REFRESH_MS - 1))).toBe('Pacific/Auckland');
    expect(asks('U-cache')).toBe(1);
    const later = new Date(NOON_UTC.getTime() + TIME_ZONE_REFRESH_MS);
    expect(await lookup('U-cache', later)).toBe('America/Los_Angeles');
    expect(asks('U-cache')).toBe(2);
    expect(await stored('U-cache')).toEqual({ timeZone: 'America/Los_Angeles', fetchedAt: later.toISOString() });
  });

  it('never asks for (or replaces) a zone the member set themselves', async () => {
    const member = await memberOf('U-own');
    await store.setMemberTimeZone(member.id, 'Europe/Berlin', null);
    zones.set('U-own', 'Asia/Tokyo');
    expect(await lookup('U-own')).toBeNull();
    expect(asks('U-own')).toBe(0);
    // Nor does a platform write that races with the member's own choice.
    expect(await store.setMemberTimeZone(member.id, 'Asia/Tokyo', NOON_UTC)).toBeNull();
    expect(await stored('U-own')).toEqual({ timeZone: 'Europe/Berlin', fetchedAt: null });
  });

  it('a failed lookup is logged and falls back (the cached zone, else none); it never throws', async () => {
    const member = await memberOf('U-fail');
    expect(await lookup('U-fail')).toBeNull();
    expect(warnings).toEqual(['Slack users.info failed; using the cached or fallback time zone']);
    await store.setMemberTimeZone(member.id, 'Asia/Kolkata', new Date(NOON_UTC.getTime() - 2 * TIME_ZONE_REFRESH_MS));
    expect(await lookup('U-fail')).toBe('Asia/Kolkata');
    expect(warnings).toHaveLength(2);
  });

  it('a tz Intl does not know counts as none; a member not stored yet is answered, not cached', async () => {
    await memberOf('U-odd');
    zones.set('U-odd', 'Mars/Olympus');
    expect(await lookup('U-odd')).toBeNull();
    expect(await stored('U-odd')).toEqual({ timeZone: null, fetchedAt: NOON_UTC.toISOString() });
    zones.set('U-new', 'Asia/Tokyo');
    expect(await lookup('U-new')).toBe('Asia/Tokyo');
    expect(await stored('U-new')).toBeNull();
  });

  describe("with the process's cache", () => {
    /** The store, counting the reads the lookup makes of the member's row. */
    function countingStore() {
      const reads = { count: 0 };
      const counted: Store = {
        ...store,
        ensureCommunity: (ref) => {
          reads.count++;
          return store.ensureCommunity(ref);
        },
        findMember: (communityId, userId) => {
          reads.count++;
          return store.findMember(communityId, userId);
        },
      };
      return { counted, reads };
    }

    it("answers from memory within the day (no reads of the member's row, no users.info), then reads and asks again", async () => {
      await memberOf('U-mem');
      zones.set('U-mem', 'Asia/Singapore');
      const cache = createSlackTimeZoneCache();
      const { counted, reads } = countingStore();
      const cachedLookup = (now: Date) =>
        slackUserTimeZone({ store: counted, client, community: COMMUNITY, userId: 'U-mem', now, logger, cache });
      expect(await cachedLookup(NOON_UTC)).toBe('Asia/Singapore');
      const afterFirst = reads.count;
      expect(afterFirst).toBeGreaterThan(0);
      zones.set('U-mem', 'Europe/Lisbon');
      expect(await cachedLookup(new Date(NOON_UTC.getTime() + TIME_ZONE_REFRESH_MS - 1))).toBe('Asia/Singapore');
      expect(reads.count).toBe(afterFirst);
      expect(asks('U-mem')).toBe(1);
      // The same user id in another workspace is another member.
      expect(
        await slackUserTimeZone({
          store: counted,
          client,
          community: { platform: 'slack', externalId: 'T0OTHER' },
          userId: 'U-mem',
          now: NOON_UTC,
          logger,
          cache,
        }),
      ).toBe('Europe/Lisbon');
      const later = new Date(NOON_UTC.getTime() + TIME_ZONE_REFRESH_MS);
      const beforeLater = reads.count;
      expect(await cachedLookup(later)).toBe('Europe/Lisbon');
      expect(reads.count).toBeGreaterThan(beforeLater);
      expect(await stored('U-mem')).toEqual({ timeZone: 'Europe/Lisbon', fetchedAt: later.toISOString() });
    });

    it('keeps nothing for a member who set their own zone or is not stored yet: their row is read each time', async () => {
      const own = await memberOf('U-mem-own');
      await store.setMemberTimeZone(own.id, 'Europe/Berlin', null);
      zones.set('U-mem-new', 'Asia/Tokyo');
      const cache = createSlackTimeZoneCache();
      const { counted, reads } = countingStore();
      for (const userId of ['U-mem-own', 'U-mem-new']) {
        const lookupOf = () =>
          slackUserTimeZone({ store: counted, client, community: COMMUNITY, userId, now: NOON_UTC, logger, cache });
        const first = await lookupOf();
        const before = reads.count;
        expect(await lookupOf()).toBe(first);
        expect(reads.count).toBeGreaterThan(before);
      }
    });

    it('keeps at most its bound, dropping the least recently used', () => {
      const cache = createSlackTimeZoneCache(2);
      const entry = (zone: string) => ({ zone, fetchedAt: NOON_UTC });
      cache.set('T', 'U1', entry('Asia/Tokyo'));
      cache.set('T', 'U2', entry('Europe/Paris'));
      expect(cache.get('T', 'U1')?.zone).toBe('Asia/Tokyo');
      cache.set('T', 'U3', entry('America/Lima'));
      expect(cache.get('T', 'U2')).toBeUndefined();
      expect(cache.get('T', 'U1')?.zone).toBe('Asia/Tokyo');
      expect(cache.get('T', 'U3')?.zone).toBe('America/Lima');
    });
  });

  describe('through the Bolt app', () => {
    let adapter: SlackAdapter;
    let endpoint: string;

    beforeAll(async () => {
      ({ adapter, endpoint } = await startTestSlackApp({ store, clock: { now: () => NOON_UTC } }, slack.url, {
        today: () => '2026-11-22',
      }));
    });
    afterAll(async () => adapter.stop());

    async function slash(user: string, text: string): Promise<string> {
      const body = new URLSearchParams({
        command: '/jss',
        text,
        team_id: TEAM,
        user_id: user,
        user_name: user,
        channel_id: 'C1',
        response_url: `${slack.url}/response`,
        trigger_id: `t-${user}-${text.length}`,
      }).toString();
      return (await postSignedSlack(endpoint, body)).text();
    }

    it('a member in Pacific/Auckland at 2026-11-30T12:00Z says today and gets 2026-12-01; one in Los Angeles 2026-11-30', async () => {
      zones.set('U-kiwi', 'Pacific/Auckland');
      zones.set('U-la', 'America/Los_Angeles');
      expect(await slash('U-kiwi', 'add client:Acme type:hourly start:today')).toContain('today as 2026-12-01');
      expect(await slash('U-la', 'add client:Acme type:hourly start:today')).toContain('today as 2026-11-30');
      // users.info refused: the command still runs, on the adapter's day.
      expect(await slash('U-nobody', 'add client:Acme type:hourly start:today')).toContain('today as 2026-11-22');
    });

    it("the dispatcher asks with the member's row it read: cached once stored, then read from the row, not asked again", async () => {
      zones.set('U-once', 'Asia/Tokyo');
      // Not stored yet: asked, answered, not cached (the command makes the row).
      expect(await slash('U-once', 'timezone')).toContain('Asia/Tokyo');
      expect(await stored('U-once')).toEqual({ timeZone: null, fetchedAt: null });
      // Stored: asked again and cached; the command reads the row again and shows the zone.
      expect(await slash('U-once', 'timezone')).toContain('Your time zone is Asia/Tokyo, as Slack says');
      expect(await stored('U-once')).toEqual({ timeZone: 'Asia/Tokyo', fetchedAt: NOON_UTC.toISOString() });
      expect(asks('U-once')).toBe(2);
      // Cached: not asked, and the zone still counts.
      zones.set('U-once', 'Europe/Paris');
      expect(await slash('U-once', 'timezone')).toContain('Your time zone is Asia/Tokyo, as Slack says');
      expect(asks('U-once')).toBe(2);
    });
  });
});
