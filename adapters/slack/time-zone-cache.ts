// The Slack time zones this process has seen, by workspace and user: a command whose member's zone
// was read or fetched within TIME_ZONE_REFRESH_MS gets it from memory, without reading the member's
// row before the dispatcher (which reads it again). Bounded: the least recently used entry goes
// first. Only zones from Slack are kept: a member who set their own (`timezone`) is looked up in
// their row as before, and the dispatcher prefers their own choice over whatever is passed anyway.

/** Members remembered at once (a few hundred bytes each). */
const DEFAULT_TIME_ZONE_CACHE_BOUND = 10_000;

interface CachedZone {
  zone: string | null;
  fetchedAt: Date;
}

export interface SlackTimeZoneCache {
  get(teamId: string, userId: string): CachedZone | undefined;
  set(teamId: string, userId: string, entry: CachedZone): void;
}

export function createSlackTimeZoneCache(bound = DEFAULT_TIME_ZONE_CACHE_BOUND): SlackTimeZoneCache {
  const entries = new Map<string, CachedZone>();
  // Slack ids hold no spaces, so the pair is unambiguous.
  const keyOf = (teamId: string, userId: string) => `${teamId} ${userId}`;
  return {
    get(teamId, userId) {
      const key = keyOf(teamId, userId);
      const entry = entries.get(key);
      if (entry) {
        // Moved to the end: the Map's order is the order of use.
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(teamId, userId, entry) {
      const key = keyOf(teamId, userId);
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > bound) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
  };
}
