// OAuth states used once: the redirect's state is recorded (as a hash) the first time it comes
// back, so the same state replayed, even within its lifetime, is refused. Rows are dropped once
// their state has expired anyway.

import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Database } from './database.ts';
import { slackOAuthStates } from './schema.ts';

/** True the first time `state` is used; false when it was used before. */
export async function useStateOnce(db: Database, state: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.delete(slackOAuthStates).where(lt(slackOAuthStates.expiresAt, now));
  const stateHash = createHash('sha256').update(state).digest('hex');
  const inserted = await db
    .insert(slackOAuthStates)
    .values({ stateHash, expiresAt })
    .onConflictDoNothing()
    .returning({ stateHash: slackOAuthStates.stateHash });
  return inserted.length === 1;
}
