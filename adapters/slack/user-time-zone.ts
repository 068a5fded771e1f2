// The Slack member's time zone, so "today" and the reminder hour are theirs: Slack gives each
// user's IANA zone (`tz`) in users.info. The answer is cached in the member's row with the time it
// was fetched and asked again after TIME_ZONE_REFRESH_MS; a zone the member set themselves
// (`timezone` command) is never asked for. Commands ask through the dispatcher with the row it
// reads anyway (slackTimeZoneOf); other callers (the Home) go through slackUserTimeZone, which with
// a process cache (time-zone-cache.ts) answers a zone read or fetched within that time from memory.
// Whatever fails (the Web API, a missing users:read scope, the database) is logged and the command
// goes on without a zone (the fallback, UTC).

import type { CommunityRef, Member, Store } from '../../src/ports/store.ts';
import type { PlatformTimeZone } from '../../src/commands/types.ts';
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

const isFresh = (fetchedAt: Date, now: Date) => now.getTime() - fetchedAt.getTime() < TIME_ZONE_REFRESH_MS;

/** The member's zone as Slack says (cached), or null when unknown or the lookup failed. */
export async function slackUserTimeZone(options: SlackTimeZoneOptions): Promise<string | null> {
  const { store, userId, now, cache } = options;
  const teamId = options.community.externalId;
  const cached = cache?.get(teamId, userId);
  if (cached && isFresh(cached.fetchedAt, now)) return cached.zone;
  let member: Member | null;
  try {
    const community = await store.ensureCommunity(options.community);
    member = await store.findMember(community.id, userId);
  } catch (error) {
    options.logger?.warn({ err: error, userId }, 'reading the cached Slack time zone failed; using the fallback zone');
    return null;
  }
  const answer = await slackTimeZoneOf(member, options);
  // Memory keeps only a zone from Slack that the member's row holds too (the reminders read the
  // row's): not a zone the member chose, nor one for a member not stored yet.
  const fetchedAt = answer.rowChanged ? now : member?.timeZoneFetchedAt;
  if (member && fetchedAt && isFresh(fetchedAt, now)) cache?.set(teamId, userId, { zone: answer.timeZone, fetchedAt });
  return answer.timeZone;
}

/**
 * The member's zone as Slack says, given their stored row (null: not stored yet), as the
 * dispatcher asks (`platformTimeZone`) with the row it read: users.info only when the cached
 * zone is older than TIME_ZONE_REFRESH_MS; `rowChanged` when a fresh answer was cached in the row.
 */
export async function slackTimeZoneOf(
  member: Member | null,
  options: Omit<SlackTimeZoneOptions, 'community'>,
): Promise<PlatformTimeZone> {
  const { store, client, userId, now } = options;
  const unchanged = (timeZone: string | null): PlatformTimeZone => ({ timeZone, rowChanged: false });
  // The member's own choice wins, and the dispatcher reads it from their row.
  if (member && member.timeZone !== null && member.timeZoneFetchedAt === null) return unchanged(null);
  if (member?.timeZoneFetchedAt && now.getTime() - member.timeZoneFetchedAt.getTime() < TIME_ZONE_REFRESH_MS)
    return unchanged(member.timeZone);
  let zone: string | null;
  try {
    const tz = (await client.users.info({ user: userId })).user?.tz;
    zone = typeof tz === 'string' ? canonicalTimeZone(tz) : null;
  } catch (error) {
    options.logger?.warn({ err: error, userId }, 'Slack users.info failed; using the cached or fallback time zone');
    return unchanged(member?.timeZone ?? null);
  }
  // A member not stored yet is cached on their next command (the dispatcher creates the row).
  if (member) {
    try {
      await store.setMemberTimeZone(member.id, zone, now);
      return { timeZone: zone, rowChanged: true };
    } catch (error) {
      options.logger?.warn({ err: error, userId }, 'caching the Slack time zone failed');
    }
  }
  return unchanged(zone);
}
