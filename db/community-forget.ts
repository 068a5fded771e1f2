// An admin's "forget this community" (config forget-community): every member of the community and
// all of theirs (contracts, payments, recorded scores, leaderboard rows, confirmations, reminders,
// by ON DELETE CASCADE), its request ids, and its settings back to the defaults. The community row
// itself stays (empty), so the command's own transaction can still record its reply.

import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { communities, members, processedRequests } from './schema.ts';

/** Returns how many members were deleted, or null when there is no such community. */
export async function forgetCommunity(db: Database, communityId: number): Promise<number | null> {
  const reset = await db
    .update(communities)
    .set({ model: 'upwork-2025', params: {}, leaderboardEnabled: true, name: null })
    .where(eq(communities.id, communityId))
    .returning({ id: communities.id });
  if (reset.length === 0) return null;
  const deleted = await db.delete(members).where(eq(members.communityId, communityId)).returning({ id: members.id });
  await db.delete(processedRequests).where(eq(processedRequests.communityId, communityId));
  return deleted.length;
}
