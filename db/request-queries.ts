// Request ids (so a retried request has its effect once) and confirmation codes.

import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from './database.ts';
import { confirmations, processedRequests } from './schema.ts';
import type { RequestClaim } from '../src/ports/store.ts';

/**
 * Inserts the id or learns it was there. A concurrent claim of the same id waits on the unique
 * key until the first transaction ends, so exactly one of them sees `fresh`.
 */
export async function claimRequest(
  db: Database,
  communityId: number,
  requestId: string,
  memberId: number,
): Promise<RequestClaim> {
  const inserted = await db
    .insert(processedRequests)
    .values({ communityId, requestId, memberId })
    .onConflictDoNothing()
    .returning({ requestId: processedRequests.requestId });
  if (inserted.length > 0) return { fresh: true };
  const [saved] = await db
    .select({ reply: processedRequests.reply, memberId: processedRequests.memberId })
    .from(processedRequests)
    .where(and(eq(processedRequests.communityId, communityId), eq(processedRequests.requestId, requestId)));
  // A row without a member is a reply saved after its member was forgotten: it holds no data of theirs.
  const sameMember = saved?.memberId === memberId || saved?.memberId === null || saved === undefined;
  return { fresh: false, reply: saved?.reply ?? null, sameMember };
}

export async function saveRequestReply(
  db: Database,
  communityId: number,
  requestId: string,
  reply: unknown,
): Promise<void> {
  await db
    .insert(processedRequests)
    .values({ communityId, requestId, reply })
    .onConflictDoUpdate({ target: [processedRequests.communityId, processedRequests.requestId], set: { reply } });
}

/** Forgets request ids recorded before `before`: platforms retry within minutes, not days. */
export async function pruneRequests(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(processedRequests)
    .where(lt(processedRequests.createdAt, before))
    .returning({ id: processedRequests.requestId });
  return deleted.length;
}

/** A new code replaces the member's pending one for the same action. */
export async function createConfirmation(
  db: Database,
  memberId: number,
  action: string,
  code: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insert(confirmations)
    .values({ memberId, action, code, expiresAt })
    .onConflictDoUpdate({ target: [confirmations.memberId, confirmations.action], set: { code, expiresAt } });
}

/** Deleting the row is what uses the code up: of two concurrent attempts only one deletes it. */
export async function consumeConfirmation(
  db: Database,
  memberId: number,
  action: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const deleted = await db
    .delete(confirmations)
    .where(
      and(
        eq(confirmations.memberId, memberId),
        eq(confirmations.action, action),
        eq(confirmations.code, code),
        gt(confirmations.expiresAt, now),
      ),
    )
    .returning({ memberId: confirmations.memberId });
  return deleted.length > 0;
}
