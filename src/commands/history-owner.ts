// Whose history a member's commands read and write. On Discord one person is in many servers and
// in DMs: their contracts, recorded scores, undo snapshot, reminders and time zone are the
// person's, kept on one personal row in a community of the platform's own that no leaderboard
// shows. Leaderboards, join/leave, display names and community settings stay per server.
// Slack and the console keep one history per community member (the member is their own owner).

import type { CommunityRef, Member, Platform, Store } from '../ports/store.ts';
import type { CommandContext } from './types.ts';

/** The confirmation action of a `link` code (db/link-queries.ts looks codes up by it). */
export const LINK_ACTION = 'link';

/** The external id of the personal-history community; no guild or DM space is spelled so. */
export const PERSONAL_HISTORIES_ID = '@users';

/** The community holding the platform's personal history rows, or null when members own their history. */
export function historyCommunityOf(platform: Platform): CommunityRef | null {
  if (platform !== 'discord') return null;
  return { platform, externalId: PERSONAL_HISTORIES_ID, name: 'Discord personal histories' };
}

/** The member whose history `ctx`'s member reads, without creating anything; null when not known yet. */
export async function findHistoryMember(store: Store, ctx: CommandContext): Promise<Member | null> {
  const community = await store.ensureCommunity(historyCommunityOf(ctx.platform) ?? ctx.community);
  const member = await store.findMember(community.id, ctx.userId);
  // Linked to another platform's identity (`link`): that history.
  return member?.historyMemberId ? store.findMemberById(member.historyMemberId) : member;
}
