// Time zones, so that "today" is the member's day: IANA names checked and read with Intl (no
// time-zone data of our own), and which zone a member's today is counted in.

/** Used when nothing says where a member is (no zone set, the platform gave none or failed). */
export const FALLBACK_TIME_ZONE = 'UTC';

/** The IANA name as Intl spells it (europe/berlin → Europe/Berlin), or null when Intl knows no such zone. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  // Intl also takes offsets such as +01:00; a member's zone is a place (its offset changes with DST).
  if (trimmed === '' || /^[+-]/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar day (YYYY-MM-DD) and hour (0–23) at `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** The calendar day (YYYY-MM-DD) at `instant` in `timeZone`. */
export function dayInTimeZone(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).day;
}

/** This machine's zone (the console member's). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The zone a member's today is counted in: the one they set wins; else the platform's (Slack's
 * users.info, the console's machine zone), else one cached earlier; null when none is known.
 */
export function memberTimeZone(
  member: { timeZone: string | null; timeZoneFetchedAt: Date | null },
  platformZone: string | null | undefined,
): string | null {
  if (member.timeZone !== null && member.timeZoneFetchedAt === null) return member.timeZone;
  return platformZone ?? member.timeZone;
}
