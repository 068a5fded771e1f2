// An undoable change (remove, import mode:replace): the member's contracts are saved before it and
// noted right after it, in the command's transaction, so `undo` can put them back and tell which
// later writes it would discard. A change that fails rolls its snapshot back with it, leaving the
// member's previous one in place.

import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';

/** How long a change can be undone: long enough to notice the next day, short enough to be "the last change". */
export const UNDO_HOURS = 24;

export async function undoable<T>(
  store: Store,
  clock: Clock,
  memberId: number,
  change: string,
  work: () => Promise<T>,
): Promise<T> {
  const now = clock.now();
  // Expired snapshots of the member's go lazily, here and in undo; the pruning job takes the rest.
  await store.saveUndoSnapshot(memberId, change, now, new Date(now.getTime() + UNDO_HOURS * 3_600_000));
  const result = await work();
  await store.sealUndoSnapshot(memberId);
  return result;
}
