// Who the console member is: a local community on this machine's database.

import type { CommandContext } from '../../src/commands/types.ts';

const CONSOLE_COMMUNITY = { platform: 'console', externalId: 'local', name: 'Console' } as const;

/** Today's calendar date in the machine's time zone, unless JSS_AS_OF pins it (scripts, demos). */
export function consoleToday(pinned: string | null, now = new Date()): string {
  if (pinned) return pinned;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function consoleContext(user: string, asOf: string): CommandContext {
  return {
    platform: 'console',
    community: CONSOLE_COMMUNITY,
    userId: user,
    displayName: user,
    requestId: null,
    asOf,
    // On their own machine the member administers the local community.
    isAdmin: true,
  };
}
