// The Slack member's time zone, so "today" and the reminder hour are theirs: Slack gives each
// user's IANA zone (`tz`) in users.info. The answer is cached in the member's row with the time it
// was fetched and asked again after TIME_ZONE_REFRESH_MS; a zone the member set themselves
// (`timezone` command) is never asked for. With a process cache (time-zone-cache.ts), a zone read
// or fetched within that time is answered from memory, without reading the member's row again.
// Whatever fails (the Web API, a missing users:read scope, the database) is logged and the command
// goes on without a zone (the fallback, UTC).

import type { CommunityRef, Store } from '../../src/ports/store.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { canonicalTimeZone } from '../../src/commands/time-zone.ts';
import type { SlackTimeZoneCache } from './time-zone-cache.ts';

/** People rarely move; a day keeps the Web API out of nearly every command and follows a move by the next day. */
export const TIME_ZONE_REFRESH_MS = 24 * 60 * 60 * 1000;

/** The part of Slack's WebClient this needs (users.info, scope users:read). */
interface SlackUsers {
  users: { info(args: { user: string }): Promise<{ user?: { tz?: string } }> };
}

export interface SlackTimeZoneOptions {
  store: Store;
  client: SlackUsers;
  community: CommunityRef;
  userId: string;
  now: Date;
  logger?: Logger | undefined;
  /** This process's memory of Slack zones; without it, every call reads the member's row. */
  cache?: SlackTimeZoneCache | undefined;
}

/** The member's zone as Slack says (cached), or null when unknown or the lookup failed. */
export async function slackUserTimeZone(options: SlackTimeZoneOptions): Promise<string | null> {
  const { store, client, userId, now, cache } = options;
  const teamId = options.community.externalId;
  const fresh = (fetchedAt: Date) => now.getTime() - fetchedAt.getTime() < TIME_ZONE_REFRESH_MS;
  const cached = cache?.get(teamId, userId);
  if (cached && fresh(cached.fetchedAt)) return cached.zone;
  let member: Awaited<ReturnType<typeof store.findMember>>;
  try {
    const community = await store.ensureCommunity(options.community);
    member = await store.findMember(community.id, userId);
  } catch (error) {
    options.logger?.warn({ err: error, userId }, 'reading the cached Slack time zone failed; using the fallback zone');
    return null;
  }
  // The member's own choice wins, and the dispatcher reads it from their row.
  if (member && member.timeZone !== null && member.timeZoneFetchedAt === null) return null;
  if (member?.timeZoneFetchedAt && fresh(member.timeZoneFetchedAt)) {
    cache?.set(teamId, userId, { zone: member.timeZone, fetchedAt: member.timeZoneFetchedAt });
    return member.timeZone;
  }
  let zone: string | null;
  try {
    const tz = (await client.users.info({ user: userId })).user?.tz;
    zone = typeof tz === 'string' ? canonicalTimeZone(tz) : null;
  } catch (error) {
    options.logger?.warn({ err: error, userId }, 'Slack users.info failed; using the cached or fallback time zone');
    return member?.timeZone ?? null;
  }
  // A member not stored yet is cached on their next command (the dispatcher creates the row), so
  // memory keeps only zones their row holds too (the reminders read the row's).
  if (member) {
    cache?.set(teamId, userId, { zone, fetchedAt: now });
    try {
      await store.setMemberTimeZone(member.id, zone, now);
    } catch (error) {
      options.logger?.warn({ err: error, userId }, 'caching the Slack time zone failed');
    }
  }
  return zone;
}
