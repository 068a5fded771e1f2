// The CommandContext a platform adapter would build, for tests that drive the command layer
// directly: a member of a community on a platform, with a fresh request id each time.

import type { Platform } from '../../src/ports/store.ts';
import type { CommandContext } from '../../src/commands/types.ts';

export const TEST_AS_OF = '2026-11-22';

let requests = 0;

export function commandContext(
  platform: Platform,
  community: string,
  user: string,
  extra: Partial<CommandContext> = {},
): CommandContext {
  return {
    platform,
    community: { platform, externalId: community, name: community },
    userId: user,
    displayName: `Name of ${user}`,
    requestId: `req-${++requests}`,
    asOf: TEST_AS_OF,
    isAdmin: false,
    ...extra,
  };
}
