// Where a member's history (contracts, recorded scores, reminders, time zone) is kept: on Discord
// the person's own row (src/commands/history-owner.ts), shared by every server; else the member's.

import { historyCommunityOf } from '../../src/commands/history-owner.ts';
import type { Member, Platform, Store } from '../../src/ports/store.ts';

export async function historyMemberOf(
  store: Store,
  platform: Platform,
  community: string,
  user: string,
): Promise<Member | null> {
  const personal = historyCommunityOf(platform);
  const found = await store.ensureCommunity(personal ?? { platform, externalId: community });
  return store.findMember(found.id, user);
}
